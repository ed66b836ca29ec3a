package com.example.platform.order.ordering;

/**
 * No such order, or not one of the caller's (the two are indistinguishable on purpose).
 */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException() {
		super("No order with this id.");
	}

}
