package com.example.platform.support.idempotency;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdempotentRequestTests {

	@Test
	void sameOperationAndFieldsHaveTheSameFingerprint() {
		assertThat(IdempotentRequest.of("user", "k", "pay", 100, "EUR").fingerprint())
			.isEqualTo(IdempotentRequest.of("user", "k", "pay", 100, "EUR").fingerprint())
			.hasSize(64);
	}

	@Test
	void anotherOperationOrOtherFieldsDiffer() {
		String fingerprint = IdempotentRequest.of("user", "k", "pay", 100, "EUR").fingerprint();
		assertThat(IdempotentRequest.of("user", "k", "refund", 100, "EUR").fingerprint()).isNotEqualTo(fingerprint);
		assertThat(IdempotentRequest.of("user", "k", "pay", 101, "EUR").fingerprint()).isNotEqualTo(fingerprint);
		// length prefixes: moving characters between fields changes the fingerprint
		assertThat(IdempotentRequest.of("user", "k", "pay", "ab", "c").fingerprint())
			.isNotEqualTo(IdempotentRequest.of("user", "k", "pay", "a", "bc").fingerprint());
		assertThat(IdempotentRequest.of("user", "k", "pay", List.of("a", "b")).fingerprint())
			.isNotEqualTo(IdempotentRequest.of("user", "k", "pay", List.of("b", "a")).fingerprint());
	}

	@Test
	void acceptsOneTo255VisibleAsciiCharacters() {
		assertThat(new IdempotencyKey("a").value()).isEqualTo("a");
		assertThat(new IdempotencyKey("~".repeat(255)).value()).hasSize(255);
		for (String bad : new String[] { "", " ", "with space", "k".repeat(256), "tab\t", "caf\u00e9", "nul\0" }) {
			assertThatExceptionOfType(InvalidIdempotencyKeyException.class).isThrownBy(() -> new IdempotencyKey(bad))
				.withMessage("must be 1 to 255 visible ASCII characters");
		}
		assertThatExceptionOfType(InvalidIdempotencyKeyException.class).isThrownBy(() -> new IdempotencyKey(null))
			.withMessage("is required");
		assertThatExceptionOfType(InvalidIdempotencyKeyException.class)
			.isThrownBy(() -> IdempotentRequest.of("user", "bad key", "pay"));
	}

	@Test
	void roundsRetryAfterUpToWholeSeconds() {
		assertThat(new RequestInFlightException(java.time.Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
		assertThat(new RequestInFlightException(java.time.Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
		assertThat(new RequestInFlightException(java.time.Duration.ofMillis(2_001)).retryAfterSeconds()).isEqualTo(3);
	}

}
