package com.example.platform.order.ordering;

/**
 * The user service does not know the caller (for example, the account was removed).
 */
public class UnknownUserException extends RuntimeException {

	public UnknownUserException() {
		super("The user service does not know this account.");
	}

}
