package com.example.platform.edge;

import java.util.Locale;

/**
 * The details of the {@code 401} and {@code 403} problems, the same at the gateway and in
 * every service, so a client reads one text whichever of them refused the token.
 */
public final class AuthenticationProblems {

	/** No bearer token, or not one the resource server could parse as such. */
	public static final String MISSING = "Authentication required: send a valid bearer token in the Authorization header.";

	/** A bearer token past its expiry. */
	public static final String EXPIRED = "The bearer token has expired: log in again for a new one.";

	/** A bearer token that is not the platform's. */
	public static final String INVALID = "The bearer token is invalid: it is malformed, not signed by the platform, or not issued for it.";

	/** A valid token without the permission the operation needs. */
	public static final String FORBIDDEN = "The token is valid but does not allow this operation.";

	private AuthenticationProblems() {
	}

	/**
	 * The detail for a refused authentication. The reason the token library gave is only
	 * read, never echoed: it can quote the token.
	 * @param invalidBearerToken whether a bearer token was sent and found invalid
	 * @param reason the library's message, or {@code null}
	 * @return one of {@link #MISSING}, {@link #EXPIRED}, {@link #INVALID}
	 */
	public static String describe(boolean invalidBearerToken, String reason) {
		if (!invalidBearerToken) {
			return MISSING;
		}
		if (reason != null && reason.toLowerCase(Locale.ROOT).contains("expired")) {
			return EXPIRED;
		}
		return INVALID;
	}

}
