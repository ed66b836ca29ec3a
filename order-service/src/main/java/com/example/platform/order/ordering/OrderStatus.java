package com.example.platform.order.ordering;

/**
 * Where an order stands in its life: paid, declined, failed and cancelled are final; the
 * two pending states are completed by reconciliation when no request does it.
 */
public enum OrderStatus {

	/** Stored; the payment's outcome is not known yet. */
	PAYMENT_PENDING,

	/** The payment was approved. */
	PAID,

	/** The payment was declined; see the decline code. */
	PAYMENT_DECLINED,

	/** The payment service gave up on the payment. */
	PAYMENT_FAILED,

	/**
	 * Cancelled by the customer; a refund (or the payment's outcome) is still awaited.
	 */
	CANCELLATION_PENDING,

	/** Cancelled; any money taken has been refunded. */
	CANCELLED;

	/**
	 * @return whether reconciliation still has work to do on an order in this state
	 */
	public boolean needsReconciliation() {
		return this == PAYMENT_PENDING || this == CANCELLATION_PENDING;
	}

}
