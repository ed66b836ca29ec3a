package com.example.platform.gateway.web;

import java.net.URI;

/**
 * The {@code type} URIs of the problems the gateway itself answers with. They share the
 * prefix and meaning of the services' types ({@code ProblemTypes} in
 * {@code service-support}, which is servlet-only and so not a dependency here), and add
 * the ones only a gateway produces.
 */
public final class GatewayProblemTypes {

	/** Prefix of every platform problem type. */
	public static final String BASE = "https://platform.example/problems/";

	/** No bearer token, or one that is invalid, forged or expired. */
	public static final URI UNAUTHENTICATED = URI.create(BASE + "unauthenticated");

	/** The token is valid but lacks the permission the operation needs. */
	public static final URI FORBIDDEN = URI.create(BASE + "forbidden");

	/** No route (or resource) for this path. */
	public static final URI NOT_FOUND = URI.create(BASE + "not-found");

	/** The request body is larger than the gateway forwards. */
	public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");

	/**
	 * Anything else the HTTP layer rejected (method, media type, malformed header...).
	 */
	public static final URI BAD_REQUEST = URI.create(BASE + "bad-request");

	/** The service behind the route cannot be reached (down, restarting, refusing). */
	public static final URI SERVICE_UNAVAILABLE = URI.create(BASE + "service-unavailable");

	/** The service behind the route did not answer within the gateway's timeout. */
	public static final URI GATEWAY_TIMEOUT = URI.create(BASE + "gateway-timeout");

	/** The service closed the connection or answered with something that is not HTTP. */
	public static final URI BAD_GATEWAY = URI.create(BASE + "bad-gateway");

	/** A fault on our side; the detail never carries internals. */
	public static final URI INTERNAL = URI.create(BASE + "internal-error");

	private GatewayProblemTypes() {
	}

}
