package com.example.platform.payment.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same request" for an idempotency key: the operation and
 * its parsed fields (so whitespace or field order in the JSON do not matter), hashed.
 */
public final class RequestFingerprint {

	private RequestFingerprint() {
	}

	/**
	 * @param operation the operation, e.g. {@code create-payment}
	 * @param fields the request's fields, in a fixed order
	 * @return a SHA-256 hex digest
	 */
	public static String of(String operation, Object... fields) {
		StringBuilder canonical = new StringBuilder(operation);
		for (Object field : fields) {
			String value = String.valueOf(field);
			// Length-prefixed, so no two field lists can produce the same text.
			canonical.append('|').append(value.length()).append(':').append(value);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
