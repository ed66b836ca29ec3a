package com.example.platform.edge;

import java.net.URI;

/**
 * Every stable {@code type} URI of the platform's RFC 9457 problems, the gateway's and
 * the services' alike. Clients may branch on them; they never change meaning.
 */
public final class EdgeProblemTypes {

	/** Prefix of every platform problem type. */
	public static final String BASE = "https://platform.example/problems/";

	/** The request body or parameters failed validation; see {@code errors}. */
	public static final URI VALIDATION = URI.create(BASE + "validation-failed");

	/** The body is not JSON, or a field has the wrong JSON type. */
	public static final URI MALFORMED_REQUEST = URI.create(BASE + "malformed-request");

	/** The request body is larger than the receiver accepts. */
	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	/** No bearer token, or one that is invalid, forged or expired. */
	public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");

	/** The token is valid but lacks the permission the operation needs. */
	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	/** No route or resource, or the caller may not know that it exists. */
	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	/** The method is not one the target accepts; the {@code Allow} header lists those. */
	public static final URI METHOD_NOT_ALLOWED = URI.create(BASE + "method-not-allowed");

	/**
	 * The request conflicts with the current state (duplicate, illegal transition).
	 */
	public static final URI CONFLICT = URI.create(BASE + "conflict");

	/** An idempotency key was used again with a different request. */
	public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");

	/** The first request with this idempotency key is still being processed. */
	public static final URI REQUEST_IN_FLIGHT = URI.create(BASE + "request-in-flight");

	/** Too many requests; retry after the {@code Retry-After} header. */
	public static final URI TOO_MANY_REQUESTS = URI.create(BASE + "too-many-requests");

	/**
	 * Anything else the HTTP layer rejected (media type, missing header, bad
	 * parameter...).
	 */
	public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");

	/** A fault on our side; the detail never carries internals. */
	public static final URI INTERNAL = URI.create(BASE + "internal-error");

	/** The service behind the gateway cannot be reached (down, restarting, refusing). */
	public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

	/** The service behind the gateway did not answer within the gateway's timeout. */
	public static final URI GATEWAY_TIMEOUT = URI.create(BASE + "gateway-timeout");

	/** The service closed the connection or answered with something that is not HTTP. */
	public static final URI BAD_GATEWAY = URI.create(BASE + "bad-gateway");

	private EdgeProblemTypes() {
	}

	/**
	 * The type for an error status when nothing more specific is known.
	 * @param status an HTTP status code, 400 or above
	 * @return the type every edge uses for it
	 */
	public static URI forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHENTICATED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 429 -> TOO_MANY_REQUESTS;
			case 502 -> BAD_GATEWAY;
			case 503 -> SERVICE_UNAVAILABLE;
			case 504 -> GATEWAY_TIMEOUT;
			default -> (status >= 500) ? INTERNAL : BAD_REQUEST;
		};
	}

}
