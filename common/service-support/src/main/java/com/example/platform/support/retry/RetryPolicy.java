package com.example.platform.support.retry;

import java.time.Duration;
import java.time.Instant;

/**
 * When work retried against a dependency is tried again: a first delay, then exponential
 * backoff (doubling from {@code backoff}) up to {@code maxBackoff}, and at most
 * {@code maxAttempts} attempts.
 *
 * @param firstDelay from the start of the work to the first retry; longer than the
 * dependency's timeout, so a retry never races the original attempt
 * @param backoff the wait after the first retry, doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param maxAttempts attempts before the work is given up ({@link Integer#MAX_VALUE} for
 * work that must never be given up)
 */
public record RetryPolicy(Duration firstDelay, Duration backoff, Duration maxBackoff, int maxAttempts) {

	/** Doubling more often than this cannot matter: 2^30 times any backoff is years. */
	private static final int MAX_DOUBLINGS = 30;

	public RetryPolicy {
		if (firstDelay.isNegative() || backoff.isNegative() || backoff.isZero()) {
			throw new IllegalArgumentException("firstDelay must not be negative and backoff must be positive");
		}
		if (maxBackoff.compareTo(backoff) < 0) {
			throw new IllegalArgumentException("maxBackoff must be at least backoff");
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
	}

	/**
	 * A policy for work that is retried until it succeeds.
	 * @param firstDelay from the start of the work to the first retry
	 * @param backoff the first wait, doubled after each attempt
	 * @param maxBackoff the longest wait
	 * @return a policy without an attempt limit
	 */
	public static RetryPolicy unbounded(Duration firstDelay, Duration backoff, Duration maxBackoff) {
		return new RetryPolicy(firstDelay, backoff, maxBackoff, Integer.MAX_VALUE);
	}

	/**
	 * @param now the current time
	 * @return when new work is first due for a retry
	 */
	public Instant firstAttemptAt(Instant now) {
		return now.plus(this.firstDelay);
	}

	/**
	 * @param attempts attempts made so far, including the one that just started or failed
	 * (at least 1)
	 * @return how long to wait before the next one
	 */
	public Duration delayAfter(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), MAX_DOUBLINGS);
		Duration wait = this.backoff.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

	/**
	 * @param now the current time
	 * @param attempts attempts made so far (at least 1)
	 * @return when the next attempt is due
	 */
	public Instant nextAttemptAt(Instant now, int attempts) {
		return now.plus(delayAfter(attempts));
	}

	/**
	 * @param attempts attempts made so far
	 * @return whether no further attempt is allowed
	 */
	public boolean exhausted(int attempts) {
		return attempts >= this.maxAttempts;
	}

}
