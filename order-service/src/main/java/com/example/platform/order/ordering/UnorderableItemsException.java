package com.example.platform.order.ordering;

import java.util.List;

/**
 * Well-formed, but some items cannot be ordered: unknown or retired products, or a mix of
 * currencies.
 */
public class UnorderableItemsException extends RuntimeException {

	private final List<OrderRules.Violation> violations;

	/**
	 * @param message what is wrong, for humans
	 * @param violations what is wrong, per field
	 */
	public UnorderableItemsException(String message, List<OrderRules.Violation> violations) {
		super(message);
		this.violations = List.copyOf(violations);
	}

	public List<OrderRules.Violation> getViolations() {
		return this.violations;
	}

}
