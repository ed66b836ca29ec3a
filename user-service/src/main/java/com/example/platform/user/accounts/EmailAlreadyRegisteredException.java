package com.example.platform.user.accounts;

/**
 * An account with this email address (compared case-insensitively) exists already.
 */
public class EmailAlreadyRegisteredException extends RuntimeException {

	public EmailAlreadyRegisteredException() {
		super("An account with this email address already exists.");
	}

}
