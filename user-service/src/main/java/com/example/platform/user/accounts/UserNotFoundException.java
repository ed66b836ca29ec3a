package com.example.platform.user.accounts;

/**
 * No such user, or not one the caller may see (the two are indistinguishable on purpose).
 */
public class UserNotFoundException extends RuntimeException {

	public UserNotFoundException() {
		super("No user with this id.");
	}

}
