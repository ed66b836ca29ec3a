package com.example.platform.payment.domain;

/**
 * The first request with this idempotency key is still being processed.
 */
public class RequestInFlightException extends RuntimeException {

	public RequestInFlightException() {
		super("A request with this Idempotency-Key is still in progress. Retry later with the same key and body.");
	}

}
