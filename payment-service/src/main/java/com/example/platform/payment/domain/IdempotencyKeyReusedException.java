package com.example.platform.payment.domain;

/**
 * An idempotency key sent again with a different request.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException() {
		super("This Idempotency-Key was already used for a different request. Use a new key for a new request.");
	}

}
