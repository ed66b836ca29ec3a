package com.example.platform.user.login;

/**
 * Email or password is wrong; deliberately does not say which.
 */
public class InvalidCredentialsException extends RuntimeException {

	public InvalidCredentialsException() {
		super("The email address or password is incorrect.");
	}

}
