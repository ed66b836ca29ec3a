package com.example.platform.payment.domain;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyDecisionTests {

	private static final UUID RESOURCE = UUID.randomUUID();

	private final String fingerprint = RequestFingerprint.of("create-payment", "a", 1L);

	@Test
	void sameRequestAlreadyAnsweredIsReplayedAsAnswered() {
		IdempotencyRecord stored = new IdempotencyRecord(this.fingerprint, true, "PAYMENT", RESOURCE, "DECLINED",
				"card_declined");
		assertThat(IdempotencyDecision.forExisting(stored, this.fingerprint))
			.isEqualTo(new IdempotencyDecision.Replay(RESOURCE, "DECLINED", "card_declined"));
	}

	@Test
	void differentRequestIsAMismatchWhetherAnsweredOrNot() {
		String other = RequestFingerprint.of("create-payment", "a", 2L);
		assertThat(IdempotencyDecision
			.forExisting(new IdempotencyRecord(this.fingerprint, true, "PAYMENT", RESOURCE, "APPROVED", null), other))
			.isInstanceOf(IdempotencyDecision.Mismatch.class);
		assertThat(IdempotencyDecision
			.forExisting(new IdempotencyRecord(this.fingerprint, false, "PAYMENT", RESOURCE, null, null), other))
			.isInstanceOf(IdempotencyDecision.Mismatch.class);
	}

	@Test
	void sameRequestNotAnsweredYetIsInFlight() {
		assertThat(IdempotencyDecision.forExisting(
				new IdempotencyRecord(this.fingerprint, false, "PAYMENT", RESOURCE, null, null), this.fingerprint))
			.isInstanceOf(IdempotencyDecision.InFlight.class);
	}

	@Test
	void fingerprintsDependOnOperationAndEveryFieldUnambiguously() {
		assertThat(RequestFingerprint.of("create-payment", "a", 1L))
			.isEqualTo(RequestFingerprint.of("create-payment", "a", 1L))
			.isNotEqualTo(RequestFingerprint.of("refund-payment", "a", 1L))
			.isNotEqualTo(RequestFingerprint.of("create-payment", "a", 2L));
		assertThat(RequestFingerprint.of("op", "a|1:b")).isNotEqualTo(RequestFingerprint.of("op", "a", "b"));
	}

}
