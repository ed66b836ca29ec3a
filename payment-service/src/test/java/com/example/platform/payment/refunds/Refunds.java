package com.example.platform.payment.refunds;

import java.util.UUID;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.Payments;

/**
 * Object mother of refunds for the unit tests.
 */
final class Refunds {

	private Refunds() {
	}

	/**
	 * @param payment an approved payment
	 * @param amount minor units of EUR
	 * @return a refund of it not sent to the provider yet
	 */
	static Refund pending(Payment payment, long amount) {
		return Refund.initiate(UUID.randomUUID(), payment, new Money(amount, "EUR"), 0, Payments.NOW,
				Payments.RETRY.firstAttemptAt(Payments.NOW));
	}

	/**
	 * @param amount minor units of EUR
	 * @return a refund of a new approved payment, not sent to the provider yet
	 */
	static Refund pending(long amount) {
		return pending(Payments.approved(Math.max(amount, 1000)), amount);
	}

}
