package com.example.platform.payment.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.example.platform.support.retry.RetryPolicy;

/**
 * Object mother of payments for the unit tests.
 */
public final class Payments {

	public static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	/** First retry after 30 s, then 10 s doubling up to 60 s, three attempts. */
	public static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(30), Duration.ofSeconds(10),
			Duration.ofSeconds(60), 3);

	private Payments() {
	}

	/**
	 * @param amount minor units of EUR
	 * @return a payment not sent to the provider yet
	 */
	public static Payment pending(long amount) {
		return pending(UUID.randomUUID(), amount);
	}

	/**
	 * @param orderId the order paid for
	 * @param amount minor units of EUR
	 * @return a payment not sent to the provider yet
	 */
	public static Payment pending(UUID orderId, long amount) {
		return Payment.initiate(UUID.randomUUID(), orderId, UUID.randomUUID(), new Money(amount, "EUR"), "tok_visa",
				NOW, RETRY.firstAttemptAt(NOW));
	}

	/**
	 * @param amount minor units of EUR
	 * @return a payment the provider approved, charge {@code ch_1}
	 */
	public static Payment approved(long amount) {
		return approved(UUID.randomUUID(), amount);
	}

	/**
	 * @param orderId the order paid for
	 * @param amount minor units of EUR
	 * @return a payment the provider approved, charge {@code ch_1}
	 */
	public static Payment approved(UUID orderId, long amount) {
		Payment payment = pending(orderId, amount);
		payment.record(new ChargeOutcome.Approved("ch_1"), NOW);
		return payment;
	}

}
