package com.example.platform.payment.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How the resolver keeps asking the provider about pending payments and refunds: a first
 * delay that outlasts the original request, then exponential backoff up to a cap, and a
 * bounded number of attempts after which the operation fails.
 *
 * @param firstDelay from creation to the first resolver attempt; longer than the
 * provider's read timeout, so the resolver never races the original request
 * @param backoff the wait after the first attempt, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts resolver attempts before giving up
 * @param batchSize how many due operations one resolver run takes
 */
public record RetryPolicy(Duration firstDelay, Duration backoff, Duration maxBackoff, int maxAttempts, int batchSize) {

	public RetryPolicy {
		if (maxAttempts < 1 || batchSize < 1) {
			throw new IllegalArgumentException("maxAttempts and batchSize must be at least 1");
		}
	}

	/**
	 * @param now the current time
	 * @return when a new operation is first due for the resolver
	 */
	public Instant firstAttemptAt(Instant now) {
		return now.plus(this.firstDelay);
	}

	/**
	 * @param now the current time
	 * @param attempts resolver attempts made so far, including the one starting now
	 * @return when the next attempt is due
	 */
	public Instant nextAttemptAt(Instant now, int attempts) {
		Duration wait = this.backoff;
		for (int i = 1; i < attempts && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return now.plus((wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait);
	}

	/**
	 * @param attempts resolver attempts made so far
	 * @return whether no further attempt is allowed
	 */
	public boolean exhausted(int attempts) {
		return attempts >= this.maxAttempts;
	}

}
