package com.example.platform.payment.payments;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.AnswerJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment's answer is stored as JSON by the idempotency mechanism and read back for
 * every replay: it must come back equal.
 */
class PaymentSnapshotTests {

	private final JsonMapper json = AnswerJson.mapper();

	@Test
	void roundTripsThroughJsonWithMicrosecondsAndWithoutADeclineCode() {
		PaymentSnapshot approved = new PaymentSnapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				PaymentStatus.APPROVED, new Money(2500, "EUR"), null, Instant.parse("2026-11-25T10:00:00.123456Z"));
		String written = this.json.writeValueAsString(approved);
		assertThat(written).contains("\"createdAt\":\"2026-11-25T10:00:00.123456Z\"");
		assertThat(this.json.readValue(written, PaymentSnapshot.class)).isEqualTo(approved);
	}

	@Test
	void roundTripsADecline() {
		PaymentSnapshot declined = Payments.pending(100).snapshot();
		PaymentSnapshot answer = new PaymentSnapshot(declined.id(), declined.orderId(), declined.userId(),
				PaymentStatus.DECLINED, declined.amount(), "card_declined", declined.createdAt());
		assertThat(this.json.readValue(this.json.writeValueAsString(answer), PaymentSnapshot.class)).isEqualTo(answer);
	}

	@Test
	void readsTheAnswersCarriedOverFromTheOldKeysTable() {
		// As V2__idempotent_request.sql builds them from a payment row.
		String migrated = """
				{"id" : "3b9f6c1e-7d2a-4c55-9e0f-5a1b2c3d4e5f", "orderId" : "0e5e2a8c-1111-4aaa-8bbb-000000000001",
				 "userId" : "0e5e2a8c-1111-4aaa-8bbb-0000000000aa", "status" : "PENDING",
				 "amount" : {"amount" : 2500, "currency" : "EUR"}, "declineCode" : null,
				 "createdAt" : "2026-11-25T10:00:00.120000Z"}""";
		PaymentSnapshot answer = this.json.readValue(migrated, PaymentSnapshot.class);
		assertThat(answer.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(answer.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.12Z"));
		assertThat(answer.amount()).isEqualTo(new Money(2500, "EUR"));
	}

}
