package com.example.platform.user.login;

import java.time.Duration;

/**
 * Too many failed logins for this address; the caller must wait.
 */
public class LoginThrottledException extends RuntimeException {

	private final Duration retryAfter;

	/**
	 * @param retryAfter how long until the next attempt is allowed
	 */
	public LoginThrottledException(Duration retryAfter) {
		super("Too many failed logins for this email address. Try again later.");
		this.retryAfter = retryAfter;
	}

	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
