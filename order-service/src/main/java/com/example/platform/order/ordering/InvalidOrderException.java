package com.example.platform.order.ordering;

import java.util.List;

/**
 * The order request's shape is wrong (no lines, too many, bad quantities).
 */
public class InvalidOrderException extends RuntimeException {

	private final List<OrderRules.Violation> violations;

	/**
	 * @param violations what is wrong, per field
	 */
	public InvalidOrderException(List<OrderRules.Violation> violations) {
		super("The order request is invalid.");
		this.violations = List.copyOf(violations);
	}

	public List<OrderRules.Violation> getViolations() {
		return this.violations;
	}

}
