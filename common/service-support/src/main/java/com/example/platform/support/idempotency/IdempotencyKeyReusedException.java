package com.example.platform.support.idempotency;

/**
 * The key was used before for a different request ({@code 422}).
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException() {
		super("This Idempotency-Key was used for a different request. Use a new key for a new request.");
	}

}
