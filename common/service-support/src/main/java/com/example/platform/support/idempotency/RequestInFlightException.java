package com.example.platform.support.idempotency;

import java.time.Duration;

/**
 * The first request with this key is still being processed ({@code 409} with
 * {@code Retry-After}): by then it has answered, or its owner's lease has run out and the
 * retry takes the request over.
 */
public class RequestInFlightException extends RuntimeException {

	private final Duration retryAfter;

	/**
	 * @param retryAfter when a retry can expect an answer or to take the request over
	 */
	public RequestInFlightException(Duration retryAfter) {
		super("A request with this Idempotency-Key is still being processed. Retry after the Retry-After delay.");
		this.retryAfter = retryAfter;
	}

	/**
	 * @return when to retry, in whole seconds (at least 1)
	 */
	public long retryAfterSeconds() {
		long millis = this.retryAfter.toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

}
