package com.example.platform.payment.refunds;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.ApiClient;
import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.payment.PaymentRequests;
import com.example.platform.payment.PaymentServiceIntegrationTest;
import com.example.platform.payment.PspStub;
import com.example.platform.payment.payments.Money;
import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.jwt.TestTokenIssuer;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A refund's final state on a real broker: published as {@code RefundSettled} on
 * {@code payments.v1}, keyed by the refunded payment (so it follows that payment's
 * {@code PaymentSettled}), whether the provider's answer or the resolver settled it; and
 * not at all when the transaction that would store the state rolls back.
 */
@PaymentServiceIntegrationTest
class RefundEventsIT {

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

	@Autowired
	PendingRefunds pendingRefunds;

	@Autowired
	TransactionOperations transactions;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aSucceededRefundIsPublishedAfterItsPaymentKeyedByThePayment() {
		UUID orderId = UUID.randomUUID();
		String paymentId = approvedPayment(orderId, 1500);
		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("payments.v1"))) {
			records.await(r -> paymentId.equals(r.key()), WAIT);
			Answer refund = refund(paymentId, 1500);
			assertThat(refund.<String>json("$.status")).isEqualTo("SUCCEEDED");
			String refundId = refund.json("$.refundId");

			ConsumerRecord<String, byte[]> record = records.await(r -> TopicRecords.text(r).contains(refundId), WAIT);
			assertThat(record.key()).isEqualTo(paymentId);
			assertThat(records.seen()).filteredOn(r -> paymentId.equals(r.key()))
				.extracting(r -> TopicRecords.header(r, "event-type"))
				.as("one partition, the payment's event first")
				.containsExactly("PaymentSettled", "RefundSettled");
			assertThat(TopicRecords.header(record, "event-version")).isEqualTo("1");
			JsonNode event = this.json.readTree(record.value());
			assertThat(event.get("eventId").asString()).matches("[0-9a-f-]{36}");
			assertThat(event.get("type").asString()).isEqualTo("RefundSettled");
			assertThat(event.get("version").asInt()).isEqualTo(1);
			assertThat(event.get("occurredAt").asString()).endsWith("Z");
			assertThat(event.get("aggregateId").asString()).isEqualTo(paymentId);
			JsonNode payload = event.get("payload");
			assertThat(payload.get("refundId").asString()).isEqualTo(refundId);
			assertThat(payload.get("paymentId").asString()).isEqualTo(paymentId);
			assertThat(payload.get("orderId").asString()).isEqualTo(orderId.toString());
			assertThat(payload.get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(payload.get("amount").get("amount").asLong()).isEqualTo(1500);
			assertThat(payload.get("amount").get("currency").asString()).isEqualTo("EUR");
			assertThat(payload.get("reason").isNull()).isTrue();
			await().atMost(WAIT).until(() -> outboxEntries(refundId, true) == 1);
		}
	}

	@Test
	void aRefusedRefundIsPublishedWithTheProvidersReason() {
		String paymentId = approvedPayment(UUID.randomUUID(), 1000);
		PspStub.server()
			.stubFor(refundOf("ch_visa_" + paymentId).willReturn(
					okJson("{\"id\":\"re_refused\",\"status\":\"failed\",\"failure_code\":\"charge_disputed\"}")));
		Answer refund = refund(paymentId, 1000);
		assertThat(refund.<String>json("$.status")).isEqualTo("FAILED");
		String refundId = refund.json("$.refundId");

		ConsumerRecord<String, byte[]> record = published(refundId);
		assertThat(record.key()).isEqualTo(paymentId);
		JsonNode payload = this.json.readTree(record.value()).get("payload");
		assertThat(payload.get("status").asString()).isEqualTo("FAILED");
		assertThat(payload.get("reason").asString()).contains("charge_disputed");
	}

	@Test
	void aRefundTheResolverSettlesIsPublishedOnceWhenItSettles() {
		String paymentId = approvedPayment(UUID.randomUUID(), 1000);
		String charge = "ch_visa_" + paymentId;
		PspStub.server()
			.stubFor(refundOf(charge).inScenario(charge)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("recovered"));
		PspStub.server()
			.stubFor(refundOf(charge).inScenario(charge)
				.whenScenarioStateIs("recovered")
				.willReturn(okJson("{\"id\":\"re_late\",\"status\":\"succeeded\"}")));
		String key = PaymentRequests.newKey();
		Answer refund = refund(paymentId, 1000, key);
		assertThat(refund.<String>json("$.status")).isEqualTo("PENDING");
		String refundId = refund.json("$.refundId");

		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("payments.v1"))) {
			ConsumerRecord<String, byte[]> record = records.await(r -> TopicRecords.text(r).contains(refundId), WAIT);
			assertThat(this.json.readTree(record.value()).get("payload").get("status").asString())
				.isEqualTo("SUCCEEDED");
			// A later refund's event is on the same topic; still one event for this one.
			String later = refund(approvedPayment(UUID.randomUUID(), 100), 100).json("$.refundId");
			records.await(r -> TopicRecords.text(r).contains(later), WAIT);
			assertThat(records.seen()).filteredOn(r -> TopicRecords.text(r).contains(refundId)).hasSize(1);
		}
		assertThat(outboxEntries(refundId, false) + outboxEntries(refundId, true)).isEqualTo(1);
		// Asking again with the first request's key answers the refund as it stands now.
		Answer replay = refund(paymentId, 1000, key);
		assertThat(replay.<String>json("$.refundId")).isEqualTo(refundId);
		assertThat(replay.<String>json("$.status")).isEqualTo("SUCCEEDED");
		assertThat(PspStub.refundRequests(refundId)).hasSize(2);
	}

	@Test
	void nothingIsPublishedWhenTheTransactionStoringTheOutcomeRollsBack() {
		String paymentId = approvedPayment(UUID.randomUUID(), 1000);
		String charge = "ch_visa_" + paymentId;
		PspStub.server().stubFor(refundOf(charge).willReturn(aResponse().withStatus(503)));
		Answer refund = refund(paymentId, 1000);
		assertThat(refund.<String>json("$.status")).isEqualTo("PENDING");
		String refundId = refund.json("$.refundId");
		RefundProvider.RefundRequest request = new RefundProvider.RefundRequest(UUID.fromString(refundId), charge,
				new Money(1000, "EUR"));

		this.transactions.executeWithoutResult(status -> {
			this.pendingRefunds.record(request, new RefundOutcome.Succeeded("re_rolled_back"), Instant.now());
			status.setRollbackOnly();
		});

		assertThat(refundStatus(refundId)).isNotEqualTo("SUCCEEDED");
		assertThat(outboxEntries(refundId, false) + outboxEntries(refundId, true)).isZero();
		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("payments.v1"))) {
			String later = refund(approvedPayment(UUID.randomUUID(), 100), 100).json("$.refundId");
			records.await(r -> TopicRecords.text(r).contains(later), WAIT);
			assertThat(records.seen()).filteredOn(r -> TopicRecords.text(r).contains(refundId))
				.noneMatch(r -> TopicRecords.text(r).contains("SUCCEEDED"));
		}
	}

	private String approvedPayment(UUID orderId, long amount) {
		Answer answer = new ApiClient(this.port).post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(orderId, UUID.randomUUID(), amount, "EUR", "tok_visa"));
		assertThat(answer.<String>json("$.status")).as(answer.toString()).isEqualTo("APPROVED");
		return answer.json("$.id");
	}

	private Answer refund(String paymentId, long amount) {
		return refund(paymentId, amount, PaymentRequests.newKey());
	}

	private Answer refund(String paymentId, long amount, String key) {
		Answer answer = new ApiClient(this.port).post("/api/payments/" + paymentId + "/refunds", this.service, key,
				PaymentRequests.refundBody(amount, "EUR"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer;
	}

	private static MappingBuilder refundOf(String charge) {
		return post(urlEqualTo("/v1/refunds")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.charge", equalTo(charge)));
	}

	private ConsumerRecord<String, byte[]> published(String refundId) {
		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("payments.v1"))) {
			return records.await(record -> TopicRecords.text(record).contains(refundId), WAIT);
		}
	}

	private String refundStatus(String refundId) {
		return this.jdbc.sql("select status from refund where id = ?")
			.param(UUID.fromString(refundId))
			.query(String.class)
			.single();
	}

	private long outboxEntries(String refundId, boolean completed) {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS "
					+ (completed ? "NOT NULL" : "NULL"))
			.param("%" + refundId + "%")
			.query(Long.class)
			.single();
	}

}
