package com.example.platform.support.idempotency;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes idempotency keys past their retention, on the configured interval (when the
 * service enables scheduling). Several instances purging at once only delete the same
 * rows.
 */
public class IdempotencyPurge {

	private final IdempotentRequests requests;

	public IdempotencyPurge(IdempotentRequests requests) {
		this.requests = requests;
	}

	@Scheduled(fixedDelayString = "${platform.idempotency.purge-interval:1h}",
			initialDelayString = "${platform.idempotency.purge-interval:1h}")
	void purge() {
		this.requests.purgeExpired();
	}

}
