package com.example.platform.payment;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.jwt.TestTokenIssuer;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What payment-service tells the other services, on a real broker: a settled payment is
 * published on {@code payments.v1} (keyed by the payment id, with the trace of the
 * request that settled it), whether the charge's answer or the resolver settled it, once
 * per payment; the outbox entry is completed once the broker has it.
 */
@PaymentServiceIntegrationTest
class PaymentEventsIT {

	private static final Duration WAIT = Duration.ofSeconds(40);

	private final String service = TestTokenIssuer.shared().serviceToken("order-service");

	@LocalServerPort
	int port;

	@Autowired
	EventTopics topics;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anApprovedChargeIsPublishedWithTheRequestsTrace() {
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		Answer answer = new ApiClient(this.port).post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(orderId, userId, 1999, "EUR", "tok_visa"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		String paymentId = answer.json("$.id");

		ConsumerRecord<String, byte[]> record = settled(paymentId);
		assertThat(TopicRecords.header(record, "event-type")).isEqualTo("PaymentSettled");
		assertThat(TopicRecords.header(record, "event-version")).isEqualTo("1");
		assertThat(TopicRecords.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("eventId").asString()).matches("[0-9a-f-]{36}");
		assertThat(event.get("type").asString()).isEqualTo("PaymentSettled");
		assertThat(event.get("version").asInt()).isEqualTo(1);
		assertThat(event.get("occurredAt").asString()).endsWith("Z");
		assertThat(event.get("aggregateId").asString()).isEqualTo(paymentId);
		JsonNode payload = event.get("payload");
		assertThat(payload.get("paymentId").asString()).isEqualTo(paymentId);
		assertThat(payload.get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(payload.get("userId").asString()).isEqualTo(userId.toString());
		assertThat(payload.get("status").asString()).isEqualTo("APPROVED");
		assertThat(payload.get("amount").get("amount").asLong()).isEqualTo(1999);
		assertThat(payload.get("amount").get("currency").asString()).isEqualTo("EUR");
		assertThat(payload.get("declineCode").isNull()).isTrue();
		await().atMost(WAIT).until(() -> outboxCompleted(paymentId));
	}

	@Test
	void aDeclineIsPublishedWithItsCode() {
		Answer answer = new ApiClient(this.port).post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(UUID.randomUUID(), "tok_chargeDeclined"));
		assertThat(answer.<String>json("$.status")).isEqualTo("DECLINED");
		JsonNode payload = this.json.readTree(settled(answer.json("$.id")).value()).get("payload");
		assertThat(payload.get("status").asString()).isEqualTo("DECLINED");
		assertThat(payload.get("declineCode").asString()).isEqualTo("card_declined");
	}

	@Test
	void aPaymentTheResolverSettlesIsPublishedOnceWhenItSettles() {
		String token = PaymentRequests.uniqueToken("events_error_then_ok");
		PspStub.server()
			.stubFor(chargeWith(token).inScenario(token)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(500))
				.willSetStateTo("recovered"));
		PspStub.server()
			.stubFor(chargeWith(token).inScenario(token)
				.whenScenarioStateIs("recovered")
				.willReturn(okJson("{\"id\":\"ch_" + token + "\",\"status\":\"succeeded\"}")));
		Answer answer = new ApiClient(this.port).post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(UUID.randomUUID(), token));
		assertThat(answer.<String>json("$.status")).isEqualTo("PENDING");
		String paymentId = answer.json("$.id");

		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("payments.v1"))) {
			ConsumerRecord<String, byte[]> record = records.await(r -> paymentId.equals(r.key()), WAIT);
			assertThat(this.json.readTree(record.value()).get("payload").get("status").asString())
				.isEqualTo("APPROVED");
			// A later payment's event is on the same topic; still one event for this one.
			Answer later = new ApiClient(this.port).post("/api/payments", this.service, PaymentRequests.newKey(),
					PaymentRequests.createBody(UUID.randomUUID(), "tok_visa"));
			String laterId = later.json("$.id");
			records.await(r -> laterId.equals(r.key()), WAIT);
			assertThat(records.seen()).filteredOn(r -> paymentId.equals(r.key())).hasSize(1);
		}
	}

	private static MappingBuilder chargeWith(String token) {
		return post(urlEqualTo("/v1/charges")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.payment_method", equalTo(token)));
	}

	private ConsumerRecord<String, byte[]> settled(String paymentId) {
		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("payments.v1"))) {
			return records.await(record -> paymentId.equals(record.key()), WAIT);
		}
	}

	private boolean outboxCompleted(String paymentId) {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL")
			.param("%" + paymentId + "%")
			.query(Long.class)
			.single() == 1;
	}

}
