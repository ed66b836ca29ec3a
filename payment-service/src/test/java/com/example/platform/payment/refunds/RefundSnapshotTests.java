package com.example.platform.payment.refunds;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.AnswerJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refund's answer is stored as JSON by the idempotency mechanism and read back for
 * every replay: it must come back equal.
 */
class RefundSnapshotTests {

	private final JsonMapper json = AnswerJson.mapper();

	@Test
	void roundTripsThroughJson() {
		RefundSnapshot pending = Refunds.pending(300).snapshot();
		assertThat(this.json.readValue(this.json.writeValueAsString(pending), RefundSnapshot.class)).isEqualTo(pending);
	}

}
