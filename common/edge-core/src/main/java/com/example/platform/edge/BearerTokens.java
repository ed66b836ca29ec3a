package com.example.platform.edge;

/**
 * Reads a bearer token from an {@code Authorization} header the way Spring Security's
 * resolvers do ({@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, case-insensitive, RFC
 * 6750), with a loop instead of that regex, which cost a service 6% of a small request's
 * CPU.
 */
public final class BearerTokens {

	private static final String SCHEME = "Bearer";

	private BearerTokens() {
	}

	/**
	 * @param authorization the header's value, or {@code null}
	 * @return whether it names the bearer scheme at all (starts with {@code bearer}, any
	 * case): only then is a token expected, and a malformed one an error
	 */
	public static boolean isBearer(String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
	}

	/**
	 * @param authorization a header value for which {@link #isBearer(String)} holds
	 * @return the token, or {@code null} when the header is malformed
	 */
	public static String tokenOf(String authorization) {
		int start = SCHEME.length() + 1;
		if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' ') {
			return null;
		}
		int end = authorization.length();
		int padding = end;
		while (padding > start && authorization.charAt(padding - 1) == '=') {
			padding--;
		}
		if (padding == start) {
			return null;
		}
		for (int i = start; i < padding; i++) {
			if (!isTokenCharacter(authorization.charAt(i))) {
				return null;
			}
		}
		return authorization.substring(start, end);
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
