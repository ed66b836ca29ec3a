package com.example.platform.user.accounts;

import java.util.Locale;

/**
 * An email address as the platform keeps it: trimmed for display, compared
 * case-insensitively.
 *
 * @param value the address as registered, trimmed
 */
public record EmailAddress(String value) {

	/**
	 * @param raw the address as typed
	 * @return the trimmed address
	 */
	public static EmailAddress of(String raw) {
		return new EmailAddress(raw.strip());
	}

	/**
	 * The key two addresses are compared by: {@code Alice@Example.com} and
	 * {@code alice@example.com} are one account.
	 * @return the lower-cased address
	 */
	public String key() {
		return this.value.toLowerCase(Locale.ROOT);
	}

}
