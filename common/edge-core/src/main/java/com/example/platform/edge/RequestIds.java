package com.example.platform.edge;

import java.util.UUID;

/**
 * The request-id rule: a caller's {@code X-Request-Id} is kept when it is short and plain
 * ({@code [A-Za-z0-9._-]{1,64}}), otherwise replaced by a new random UUID, so an id can
 * never forge a log line or smuggle markup.
 */
public final class RequestIds {

	/** The header carrying the request id, in requests and responses. */
	public static final String HEADER = "X-Request-Id";

	private static final int MAX_LENGTH = 64;

	private RequestIds() {
	}

	/**
	 * @param supplied the caller's id, or {@code null}
	 * @return whether it may be used as it is
	 */
	public static boolean isAcceptable(String supplied) {
		// A plain loop rather than a regex: this runs on every request at every edge.
		if (supplied == null || supplied.isEmpty() || supplied.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < supplied.length(); i++) {
			if (!isPlain(supplied.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isPlain(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

	/**
	 * @param supplied the caller's id, or {@code null}
	 * @return the supplied id when it is acceptable, otherwise a new one
	 */
	public static String acceptOrCreate(String supplied) {
		return isAcceptable(supplied) ? supplied : create();
	}

	/**
	 * @return a new request id (a random UUID)
	 */
	public static String create() {
		return UUID.randomUUID().toString();
	}

}
