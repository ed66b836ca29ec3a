package com.example.platform.payment.refunds;

/**
 * A refund in another currency than the payment's.
 */
public class CurrencyMismatchException extends RuntimeException {

	private final String expected;

	public CurrencyMismatchException(String expected) {
		super("must be the payment's currency, " + expected);
		this.expected = expected;
	}

	public String getExpected() {
		return this.expected;
	}

}
