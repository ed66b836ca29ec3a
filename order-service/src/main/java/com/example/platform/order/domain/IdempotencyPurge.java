package com.example.platform.order.domain;

import java.time.Clock;
import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets completed idempotency keys once they are older than the retention (at least 24
 * hours).
 */
public class IdempotencyPurge {

	private final IdempotencyStore store;

	private final Clock clock;

	private final Duration retention;

	/**
	 * @param store the keys
	 * @param clock time source
	 * @param retention how long keys are kept (at least 24 hours)
	 */
	public IdempotencyPurge(IdempotencyStore store, Clock clock, Duration retention) {
		if (retention.compareTo(Duration.ofHours(24)) < 0) {
			throw new IllegalArgumentException("Idempotency keys must be kept at least 24 hours, not " + retention);
		}
		this.store = store;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void purge() {
		this.store.purgeCreatedBefore(this.clock.instant().minus(this.retention));
	}

}
