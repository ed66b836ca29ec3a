package com.example.platform.payment.api;

/**
 * An {@code Idempotency-Key} header that is empty, too long or not visible ASCII.
 */
class InvalidIdempotencyKeyException extends RuntimeException {

	InvalidIdempotencyKeyException() {
		super("must be 1 to 255 visible ASCII characters");
	}

}
