package com.example.platform.payment.domain;

import java.time.Duration;
import java.util.Set;

/**
 * The rules the payment use cases apply.
 *
 * @param currencies the ISO 4217 currencies accepted
 * @param inFlightWait how long a duplicate of a request still in flight waits for its
 * answer before it gets "in flight" (409); zero answers at once
 * @param idempotencyRetention how long answered idempotency keys are kept (at least 24
 * hours)
 * @param retry how pending payments and refunds are resolved
 */
public record PaymentPolicy(Set<String> currencies, Duration inFlightWait, Duration idempotencyRetention,
		RetryPolicy retry) {

	/** The shortest retention allowed: a day, as payment APIs promise. */
	public static final Duration MIN_RETENTION = Duration.ofHours(24);

	public PaymentPolicy {
		currencies = Set.copyOf(currencies);
		if (idempotencyRetention.compareTo(MIN_RETENTION) < 0) {
			throw new IllegalArgumentException("Idempotency keys must be kept at least 24 hours");
		}
	}

	/**
	 * @param money an amount
	 * @throws UnsupportedCurrencyException if its currency is not accepted
	 */
	public void requireAccepted(Money money) {
		if (!this.currencies.contains(money.currency())) {
			throw new UnsupportedCurrencyException(this.currencies);
		}
	}

}
