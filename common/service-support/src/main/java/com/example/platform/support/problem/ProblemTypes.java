package com.example.platform.support.problem;

import java.net.URI;

/**
 * Stable {@code type} URIs of the platform's RFC 9457 problems. Clients may branch on
 * them; they never change meaning.
 */
public final class ProblemTypes {

	/** Prefix of every platform problem type. */
	public static final String BASE = "https://platform.example/problems/";

	/** The request body or parameters failed validation; see {@code errors}. */
	public static final URI VALIDATION = URI.create(BASE + "validation-failed");

	/** The body is not JSON, or a field has the wrong JSON type. */
	public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");

	/** The request body is larger than the service accepts. */
	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	/** No bearer token, or one that is invalid, forged or expired. */
	public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");

	/** The token is valid but lacks the permission the operation needs. */
	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	/** The resource does not exist, or the caller may not know that it exists. */
	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	/**
	 * The request conflicts with the current state (duplicate, illegal transition, in
	 * flight).
	 */
	public static final URI CONFLICT = URI.create(BASE + "conflict");

	/** Too many requests; retry after the {@code Retry-After} header. */
	public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");

	/** Anything else the HTTP layer rejected (method, media type, missing header...). */
	public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");

	/** A fault on our side; the detail never carries internals. */
	public static final URI INTERNAL = URI.create(BASE + "internal-error");

	private ProblemTypes() {
	}

}
