package com.example.platform.support.retry;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptsTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofSeconds(5),
			Duration.ofMinutes(1), 3);

	@Test
	void newWorkIsDueAfterTheFirstDelayWithNoAttemptMade() {
		Attempts attempts = Attempts.firstDue(NOW, this.policy);
		assertThat(attempts.count()).isZero();
		assertThat(attempts.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
		assertThat(attempts.lastFailure()).isNull();
	}

	@Test
	void countsAnAttemptAndSchedulesTheNextBeforeTheCall() {
		Attempts attempts = Attempts.firstDue(NOW, this.policy);
		attempts.start(NOW, this.policy);
		assertThat(attempts.count()).isEqualTo(1);
		assertThat(attempts.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
		attempts.start(NOW.plusSeconds(5), this.policy);
		assertThat(attempts.count()).isEqualTo(2);
		assertThat(attempts.nextAttemptAt()).isEqualTo(NOW.plusSeconds(15));
		assertThat(attempts.exhausted(this.policy)).isFalse();
		attempts.start(NOW.plusSeconds(15), this.policy);
		assertThat(attempts.exhausted(this.policy)).isTrue();
	}

	@Test
	void recordsWhyAnAttemptFailedAndBacksOff() {
		Attempts attempts = Attempts.firstDue(NOW, this.policy);
		attempts.failed("payment service unavailable", NOW, this.policy);
		assertThat(attempts.lastFailure()).isEqualTo("payment service unavailable");
		assertThat(attempts.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
		attempts.start(NOW, this.policy);
		attempts.start(NOW, this.policy);
		attempts.failed("still down", NOW, this.policy);
		assertThat(attempts.nextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
		assertThat(attempts.count()).isEqualTo(2);
	}

	@Test
	void keepsLongReasonsShort() {
		Attempts attempts = Attempts.dueAt(NOW);
		attempts.noteFailure("x".repeat(2_000));
		assertThat(attempts.lastFailure()).hasSize(Attempts.MAX_REASON);
		assertThat(Attempts.truncate(null)).isNull();
	}

	@Test
	void settledWorkIsNoLongerDueUntilMadeDueAgain() {
		Attempts attempts = Attempts.firstDue(NOW, this.policy);
		attempts.settle();
		assertThat(attempts.nextAttemptAt()).isNull();
		attempts.dueAgainAt(NOW.plusSeconds(1));
		assertThat(attempts.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(attempts.count()).isZero();
	}

}
