package com.example.platform.order.api;

import com.example.platform.order.catalog.Product;

/**
 * A product of the price list.
 *
 * @param sku the stock keeping unit to order by
 * @param name the display name
 * @param unitPrice the price of one unit
 */
record ProductResponse(String sku, String name, MoneyBody unitPrice) {

	static ProductResponse from(Product product) {
		return new ProductResponse(product.getSku(), product.getName(), MoneyBody.from(product.getUnitPrice()));
	}

}
