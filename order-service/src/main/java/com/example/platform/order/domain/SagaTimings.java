package com.example.platform.order.domain;

import java.time.Duration;

/**
 * The clocks of the order saga.
 *
 * @param reconcileGrace how long a placing request has to record the payment's outcome
 * before reconciliation steps in
 * @param retryBase first wait before reconciliation asks again
 * @param retryMax longest wait between two attempts (exponential backoff up to this)
 * @param lease how long a claimed order is reserved for the instance that claimed it
 * @param abandonedRequestAfter when an unfinished request's idempotency key may be taken
 * over
 */
public record SagaTimings(Duration reconcileGrace, Duration retryBase, Duration retryMax, Duration lease,
		Duration abandonedRequestAfter) {

	/**
	 * @param attempts attempts made so far (at least 1)
	 * @return how long to wait before the next one
	 */
	public Duration backoff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 20);
		Duration wait = this.retryBase.multipliedBy(1L << doublings);
		return (wait.compareTo(this.retryMax) > 0) ? this.retryMax : wait;
	}

}
