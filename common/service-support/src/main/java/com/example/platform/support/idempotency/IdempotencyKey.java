package com.example.platform.support.idempotency;

import java.util.regex.Pattern;

/**
 * A valid {@code Idempotency-Key}: 1 to 255 visible ASCII characters, as payment APIs
 * commonly accept. Controllers take it as a parameter
 * ({@link IdempotencyKeyArgumentResolver} reads and checks the header), so every service
 * validates keys the same way.
 *
 * @param value the key
 */
public record IdempotencyKey(String value) {

	/** The HTTP header carrying the key. */
	public static final String HEADER = "Idempotency-Key";

	private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

	public IdempotencyKey {
		if (value == null) {
			throw new InvalidIdempotencyKeyException("is required");
		}
		if (!VALID.matcher(value).matches()) {
			throw new InvalidIdempotencyKeyException();
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
