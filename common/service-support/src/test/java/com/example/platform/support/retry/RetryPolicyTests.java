package com.example.platform.support.retry;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofSeconds(5),
			Duration.ofMinutes(1), 4);

	@Test
	void firstAttemptComesAfterTheFirstDelay() {
		assertThat(this.policy.firstAttemptAt(NOW)).isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void doublesTheWaitAfterEachAttemptUpToTheCap() {
		assertThat(this.policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.policy.delayAfter(4)).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.policy.delayAfter(5)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.policy.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.policy.nextAttemptAt(NOW, 2)).isEqualTo(NOW.plusSeconds(10));
	}

	@Test
	void treatsNoAttemptYetLikeTheFirst() {
		assertThat(this.policy.delayAfter(0)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void isExhaustedAfterTheLastAllowedAttempt() {
		assertThat(this.policy.exhausted(3)).isFalse();
		assertThat(this.policy.exhausted(4)).isTrue();
		assertThat(RetryPolicy.unbounded(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1))
			.exhausted(Integer.MAX_VALUE - 1)).isFalse();
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1), 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(Duration.ofSeconds(-1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
	}

}
