package com.example.platform.support.idempotency;

/**
 * The {@code Idempotency-Key} is missing or not 1 to 255 visible ASCII characters
 * ({@code 400}).
 */
public class InvalidIdempotencyKeyException extends RuntimeException {

	public InvalidIdempotencyKeyException() {
		this("must be 1 to 255 visible ASCII characters");
	}

	/**
	 * @param message what is wrong with the key, as a field error's message
	 */
	public InvalidIdempotencyKeyException(String message) {
		super(message);
	}

}
