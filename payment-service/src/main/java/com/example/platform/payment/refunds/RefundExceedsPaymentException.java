package com.example.platform.payment.refunds;

import com.example.platform.payment.payments.Money;

/**
 * The refunds of a payment would add up to more than its amount.
 */
public class RefundExceedsPaymentException extends RuntimeException {

	private final long refundable;

	private final String currency;

	public RefundExceedsPaymentException(Money paid, long refundable) {
		super("The refunds would exceed the payment of " + paid.amount() + " " + paid.currency() + "; at most "
				+ refundable + " can still be refunded.");
		this.refundable = refundable;
		this.currency = paid.currency();
	}

	/**
	 * @return what can still be refunded, in minor units
	 */
	public long getRefundable() {
		return this.refundable;
	}

	public String getCurrency() {
		return this.currency;
	}

}
