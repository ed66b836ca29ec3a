package com.example.platform.support.problem;

import java.net.URI;

import com.example.platform.edge.EdgeProblemTypes;

/**
 * The servlet services' view of the platform's problem types: each constant is the one
 * defined in {@link EdgeProblemTypes} (edge-core), which the gateway uses too. Kept so
 * services import their problem types from the package that builds their problems; a new
 * type is added to {@link EdgeProblemTypes} first.
 */
public final class ProblemTypes {

	/** Prefix of every platform problem type. */
	public static final String BASE = EdgeProblemTypes.BASE;

	/** The request body or parameters failed validation; see {@code errors}. */
	public static final URI VALIDATION = EdgeProblemTypes.VALIDATION;

	/** The body is not JSON, or a field has the wrong JSON type. */
	public static final URI MALFORMED_REQUEST = EdgeProblemTypes.MALFORMED_REQUEST;

	/** The request body is larger than the service accepts. */
	public static final URI PAYLOAD_TOO_LARGE = EdgeProblemTypes.PAYLOAD_TOO_LARGE;

	/** No bearer token, or one that is invalid, forged or expired. */
	public static final URI UNAUTHENTICATED = EdgeProblemTypes.UNAUTHENTICATED;

	/** The token is valid but lacks the permission the operation needs. */
	public static final URI FORBIDDEN = EdgeProblemTypes.FORBIDDEN;

	/** The resource does not exist, or the caller may not know that it exists. */
	public static final URI NOT_FOUND = EdgeProblemTypes.NOT_FOUND;

	/** The method is not one the resource accepts; see the {@code Allow} header. */
	public static final URI METHOD_NOT_ALLOWED = EdgeProblemTypes.METHOD_NOT_ALLOWED;

	/** The request conflicts with the current state (duplicate, illegal transition). */
	public static final URI CONFLICT = EdgeProblemTypes.CONFLICT;

	/** An idempotency key was used again with a different request. */
	public static final URI IDEMPOTENCY_KEY_REUSED = EdgeProblemTypes.IDEMPOTENCY_KEY_REUSED;

	/** The first request with this idempotency key is still being processed. */
	public static final URI REQUEST_IN_FLIGHT = EdgeProblemTypes.REQUEST_IN_FLIGHT;

	/** Too many requests; retry after the {@code Retry-After} header. */
	public static final URI TOO_MANY_REQUESTS = EdgeProblemTypes.TOO_MANY_REQUESTS;

	/**
	 * The service cannot take the request now (too busy, or the gateway cannot reach it);
	 * nothing was changed: retry after the {@code Retry-After} header.
	 */
	public static final URI SERVICE_UNAVAILABLE = EdgeProblemTypes.SERVICE_UNAVAILABLE;

	/**
	 * Anything else the HTTP layer rejected (media type, missing header, bad
	 * parameter...).
	 */
	public static final URI BAD_REQUEST = EdgeProblemTypes.BAD_REQUEST;

	/** A fault on our side; the detail never carries internals. */
	public static final URI INTERNAL = EdgeProblemTypes.INTERNAL;

	private ProblemTypes() {
	}

}
