package com.example.platform.user.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slows password guessing for one email address: after {@code maxFailures} failed logins
 * within {@code window} of the first one, further attempts are refused until that window
 * ends, whether or not the password is right. Unknown addresses are throttled the same
 * way, so the throttle does not tell which accounts exist.
 *
 * @param maxFailures failures allowed in one window
 * @param window how long a window lasts from its first failure
 */
public record LoginThrottle(int maxFailures, Duration window) {

	public LoginThrottle {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("maxFailures must be at least 1");
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive");
		}
	}

	/**
	 * @param failures the failures recorded for the address, if any
	 * @param now the current time
	 * @return how long the caller must wait, or empty when an attempt is allowed
	 */
	public Optional<Duration> blockedFor(Optional<LoginFailures> failures, Instant now) {
		return failures.filter(f -> f.count() >= this.maxFailures)
			.map(f -> Duration.between(now, f.windowStartedAt().plus(this.window)))
			.filter(remaining -> remaining.isPositive());
	}

	/**
	 * The start of the oldest window still running: failures recorded before it are
	 * stale.
	 * @param now the current time
	 * @return the cut-off time
	 */
	public Instant staleBefore(Instant now) {
		return now.minus(this.window);
	}

	/**
	 * The failures recorded for one address in its current window.
	 *
	 * @param count how many failures
	 * @param windowStartedAt when the first of them happened
	 */
	public record LoginFailures(int count, Instant windowStartedAt) {
	}

}
