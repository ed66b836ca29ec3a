package com.example.platform.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Object mother of the domain tests.
 */
final class Fixtures {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(30), Duration.ofSeconds(10),
			Duration.ofSeconds(60), 3, 10);

	private Fixtures() {
	}

	static Payment pendingPayment(long amount) {
		return Payment.initiate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), new Money(amount, "EUR"),
				"tok_visa", NOW, RETRY.firstAttemptAt(NOW));
	}

	static Payment approvedPayment(long amount) {
		Payment payment = pendingPayment(amount);
		payment.record(new ChargeOutcome.Approved("ch_1"), NOW);
		return payment;
	}

	static Refund pendingRefund(long amount) {
		return Refund.initiate(UUID.randomUUID(), UUID.randomUUID(), new Money(amount, "EUR"), NOW,
				RETRY.firstAttemptAt(NOW));
	}

}
