package com.example.platform.payment.messaging;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.PaymentServiceIntegrationTest;
import com.example.platform.payment.PspStub;
import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.contract.KafkaContractMessaging;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.contract.stubrunner.StubTrigger;
import org.springframework.cloud.contract.stubrunner.spring.AutoConfigureStubRunner;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties.StubsMode;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service's {@code PaymentRequested} as its messaging contract promises it: Stub
 * Runner sends the contract's message to the real broker and this service's own listener
 * charges the order. The contract is read from order-service's source tree
 * ({@code stubs://}, path given by Failsafe), the same file order-service's generated
 * tests verify against its real outbox: if order-service changes what it publishes, its
 * contract changes and this test fails.
 */
@PaymentServiceIntegrationTest
@AutoConfigureStubRunner(stubsMode = StubsMode.REMOTE,
		repositoryRoot = "stubs://file://${platform.contracts.order-service}",
		ids = "com.example.platform:order-service")
@KafkaContractMessaging
class PaymentRequestedContractIT {

	/** The order and customer the contract's event names (its consumer values). */
	static final UUID ORDER = UUID.fromString("0e5e2a8c-3333-4aaa-8bbb-000000000001");

	private static final Duration WAIT = Duration.ofSeconds(40);

	@Autowired
	StubTrigger stubs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventTopics topics;

	@Autowired
	JsonMapper json;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void chargesTheOrderTheEventNamesWithItsKey() {
		assertThat(this.stubs.trigger("payment_requested")).isTrue();

		String paymentId = await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT id::text FROM payment WHERE order_id = ? AND status = 'APPROVED'")
				.param(ORDER)
				.query(String.class)
				.optional()
				.orElse(null), id -> id != null);
		assertThat(PspStub.chargeRequests(paymentId)).hasSize(1);
		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("payments.v1"))) {
			JsonNode settled = this.json
				.readTree(records.await(record -> paymentId.equals(record.key()), WAIT).value());
			assertThat(settled.at("/payload/orderId").stringValue()).isEqualTo(ORDER.toString());
			assertThat(settled.at("/payload/amount/amount").longValue()).isEqualTo(5880);
		}
	}

}
