package com.example.platform.payment.refunds;

/**
 * Where a refund stands. {@link #PENDING} is the only state that changes. Pending and
 * succeeded refunds count against the payment's refundable amount; failed ones do not.
 */
public enum RefundStatus {

	/** Created; the provider's outcome is not known yet. */
	PENDING,

	/** The provider refunded the money. */
	SUCCEEDED,

	/** The provider refused the refund; the amount is refundable again. */
	FAILED;

	/**
	 * @param next the state to move to
	 * @return whether a refund in this state may move to {@code next}
	 */
	public boolean canBecome(RefundStatus next) {
		return this == PENDING && next != PENDING;
	}

	/**
	 * @return whether a refund in this state holds part of the payment's amount
	 */
	public boolean reservesAmount() {
		return this != FAILED;
	}

}
