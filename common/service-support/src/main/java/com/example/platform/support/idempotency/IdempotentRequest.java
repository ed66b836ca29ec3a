package com.example.platform.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request carrying an {@code Idempotency-Key}: the key, the scope it belongs to (the
 * caller: two callers never share keys) and the request's fingerprint, which tells a
 * retry of the same request from a different request reusing the key.
 *
 * @param scope whose key it is, normally the caller's subject
 * @param key the {@code Idempotency-Key} header's value
 * @param fingerprint a digest of the operation and its parameters
 */
public record IdempotentRequest(String scope, String key, String fingerprint) {

	/** The HTTP header carrying the key. */
	public static final String HEADER = IdempotencyKey.HEADER;

	public IdempotentRequest {
		if (scope == null || scope.isEmpty() || scope.length() > 255) {
			throw new IllegalArgumentException("The scope must have 1 to 255 characters");
		}
		new IdempotencyKey(key);
	}

	/**
	 * @param scope whose key it is, normally the caller's subject
	 * @param key the key as the client sent it
	 * @param operation what the request does, e.g. {@code place-order}: the same key and
	 * fields for another operation are another request
	 * @param fields the request's parameters, in a fixed order, as parsed (so whitespace
	 * and field order in the JSON do not matter)
	 * @return the request, fingerprinted
	 * @throws InvalidIdempotencyKeyException if the key is not 1 to 255 visible ASCII
	 * characters
	 */
	public static IdempotentRequest of(String scope, String key, String operation, Object... fields) {
		return new IdempotentRequest(scope, key, fingerprint(operation, fields));
	}

	/**
	 * @param scope whose key it is, normally the caller's subject
	 * @param key the checked key
	 * @param operation what the request does, e.g. {@code place-order}
	 * @param fields the request's parameters, in a fixed order, as parsed
	 * @return the request, fingerprinted
	 */
	public static IdempotentRequest of(String scope, IdempotencyKey key, String operation, Object... fields) {
		return of(scope, key.value(), operation, fields);
	}

	static String fingerprint(String operation, Object... fields) {
		StringBuilder canonical = new StringBuilder(operation);
		for (Object field : fields) {
			String value = String.valueOf(field);
			// Length-prefixed, so no two field lists produce the same text.
			canonical.append('|').append(value.length()).append(':').append(value);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
