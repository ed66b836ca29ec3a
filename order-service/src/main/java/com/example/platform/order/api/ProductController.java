package com.example.platform.order.api;

import java.util.List;

import com.example.platform.order.catalog.ProductNotFoundException;
import com.example.platform.order.catalog.ProductRepository;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The price list, open to everyone: the products on sale.
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final ProductRepository products;

	ProductController(ProductRepository products) {
		this.products = products;
	}

	@GetMapping
	List<ProductResponse> list() {
		return this.products.findActive().stream().map(ProductResponse::from).toList();
	}

	@GetMapping("/{sku}")
	ProductResponse get(@PathVariable String sku) {
		return this.products.findById(sku)
			.filter(product -> product.isActive())
			.map(ProductResponse::from)
			.orElseThrow(ProductNotFoundException::new);
	}

}
