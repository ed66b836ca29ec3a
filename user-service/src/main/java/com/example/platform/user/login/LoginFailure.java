package com.example.platform.user.login;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed logins for one email key in the current throttle window (see
 * {@link LoginThrottle}).
 */
@Entity
@Table(name = "login_failure")
public class LoginFailure {

	@Id
	@Column(name = "email_key")
	private String emailKey;

	@Column(nullable = false)
	private int failures;

	@Column(name = "window_started_at", nullable = false)
	private Instant windowStartedAt;

	protected LoginFailure() {
		// for JPA
	}

	LoginFailure(String emailKey, int failures, Instant windowStartedAt) {
		this.emailKey = emailKey;
		this.failures = failures;
		this.windowStartedAt = windowStartedAt;
	}

	/**
	 * @return the failures as the throttle sees them
	 */
	public LoginThrottle.LoginFailures toFailures() {
		return new LoginThrottle.LoginFailures(this.failures, this.windowStartedAt);
	}

}
