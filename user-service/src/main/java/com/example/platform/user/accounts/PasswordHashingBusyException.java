package com.example.platform.user.accounts;

/**
 * More registrations and logins arrived than the service can hash passwords for in time;
 * nothing was changed, and the same request can be sent again in a moment.
 */
public class PasswordHashingBusyException extends RuntimeException {

	public PasswordHashingBusyException() {
		super("Too many registrations and logins at once; nothing was changed. Try again in a moment.");
	}

}
