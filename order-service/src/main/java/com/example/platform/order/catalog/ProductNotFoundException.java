package com.example.platform.order.catalog;

/**
 * No product with this sku.
 */
public class ProductNotFoundException extends RuntimeException {

	public ProductNotFoundException() {
		super("No product with this sku.");
	}

}
