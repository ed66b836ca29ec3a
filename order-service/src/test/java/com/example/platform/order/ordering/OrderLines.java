package com.example.platform.order.ordering;

import com.example.platform.order.catalog.Product;

/**
 * Test access to order lines, which only the domain creates.
 */
public final class OrderLines {

	private OrderLines() {
	}

	public static OrderLine of(Product product, int quantity) {
		return new OrderLine(product, quantity);
	}

}
