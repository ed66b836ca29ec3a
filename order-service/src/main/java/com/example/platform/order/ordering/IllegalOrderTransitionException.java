package com.example.platform.order.ordering;

/**
 * An order was asked to move to a state it cannot reach from where it is.
 */
public class IllegalOrderTransitionException extends RuntimeException {

	/**
	 * @param from the current state
	 * @param action what was asked
	 */
	public IllegalOrderTransitionException(OrderStatus from, String action) {
		super("An order that is " + from + " cannot " + action + ".");
	}

}
