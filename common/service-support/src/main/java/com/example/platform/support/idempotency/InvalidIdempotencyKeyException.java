package com.example.platform.support.idempotency;

/**
 * The {@code Idempotency-Key} is not 1 to 255 visible ASCII characters ({@code 400}).
 */
public class InvalidIdempotencyKeyException extends RuntimeException {

	public InvalidIdempotencyKeyException() {
		super("must be 1 to 255 visible ASCII characters");
	}

}
