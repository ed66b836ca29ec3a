package com.example.platform.user.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.example.platform.user.login.LoginThrottle.LoginFailures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoginThrottleTests {

	private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15));

	private final Instant start = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void allowsAnAddressWithoutFailures() {
		assertThat(this.throttle.blockedFor(Optional.empty(), this.start)).isEmpty();
	}

	@Test
	void allowsFewerFailuresThanTheLimit() {
		assertThat(this.throttle.blockedFor(Optional.of(new LoginFailures(4, this.start)), this.start.plusSeconds(1)))
			.isEmpty();
	}

	@Test
	void blocksAtTheLimitUntilTheWindowEnds() {
		Optional<LoginFailures> failures = Optional.of(new LoginFailures(5, this.start));
		assertThat(this.throttle.blockedFor(failures, this.start.plusSeconds(60))).contains(Duration.ofMinutes(14));
		assertThat(this.throttle.blockedFor(failures, this.start.plus(Duration.ofMinutes(15)).minusSeconds(1)))
			.contains(Duration.ofSeconds(1));
	}

	@Test
	void allowsAgainOnceTheWindowIsOver() {
		Optional<LoginFailures> failures = Optional.of(new LoginFailures(50, this.start));
		assertThat(this.throttle.blockedFor(failures, this.start.plus(Duration.ofMinutes(15)))).isEmpty();
	}

	@Test
	void windowsStartedBeforeTheWindowLengthAreStale() {
		assertThat(this.throttle.staleBefore(this.start)).isEqualTo(this.start.minus(Duration.ofMinutes(15)));
	}

	@Test
	void mayBlockAfterASingleFailure() {
		LoginThrottle strict = new LoginThrottle(1, Duration.ofMinutes(15));

		assertThat(strict.blockedFor(Optional.of(new LoginFailures(1, this.start)), this.start.plusSeconds(60)))
			.contains(Duration.ofMinutes(14));
	}

	@Test
	void rejectsNonsenseSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottle(0, Duration.ofMinutes(1)))
			.withMessage("maxFailures must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottle(5, Duration.ZERO))
			.withMessage("window must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottle(5, Duration.ofMinutes(-15)))
			.withMessage("window must be positive");
	}

}
