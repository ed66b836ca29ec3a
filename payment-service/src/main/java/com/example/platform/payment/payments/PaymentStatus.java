package com.example.platform.payment.payments;

/**
 * Where a payment stands. {@link #PENDING} is the only state that changes; the others are
 * final.
 */
public enum PaymentStatus {

	/**
	 * Created; the provider's outcome is not known yet (not called, or no clear answer).
	 */
	PENDING,

	/** The provider charged the customer. */
	APPROVED,

	/** The provider refused the charge; see the decline code. */
	DECLINED,

	/**
	 * The provider refused the request itself, or never gave an outcome within the
	 * resolver's attempts; see the failure reason.
	 */
	FAILED;

	/**
	 * @param next the state to move to
	 * @return whether a payment in this state may move to {@code next}
	 */
	public boolean canBecome(PaymentStatus next) {
		return this == PENDING && next != PENDING;
	}

}
