package com.example.platform.user.accounts;

import java.util.Optional;

/**
 * What a password must be: 8 to 128 characters (counted as Unicode code points, so an
 * emoji is one), not only whitespace, and not the account's own email address.
 */
public final class PasswordPolicy {

	/** Fewest characters. */
	public static final int MIN_LENGTH = 8;

	/** Most characters; bounds the hashing work an attacker can ask for. */
	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/**
	 * @param password the candidate password
	 * @param email the account's email address
	 * @return why the password is refused, or empty when it is acceptable
	 */
	public static Optional<String> violation(String password, EmailAddress email) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH || length > MAX_LENGTH) {
			return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
		}
		if (password.isBlank()) {
			return Optional.of("must not be only whitespace");
		}
		if (password.strip().equalsIgnoreCase(email.value())) {
			return Optional.of("must not be the email address");
		}
		return Optional.empty();
	}

}
