package com.example.platform.payment.messaging;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.ApiClient;
import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.payment.PaymentRequests;
import com.example.platform.payment.PaymentServiceIntegrationTest;
import com.example.platform.payment.PspStub;
import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.jwt.TestTokenIssuer;
import com.example.platform.testing.kafka.EventRecords;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service's {@code PaymentRequested}, as payment-service consumes it from a real
 * broker: the order is charged once through the idempotent path of the HTTP endpoint and
 * its settlement published; the same request again (by event or over HTTP with the
 * order's key) gets that payment back without a second charge; what cannot be a charge is
 * parked on the dead-letter topic with its reason, and the order's other events are left
 * alone.
 */
@PaymentServiceIntegrationTest
class PaymentRequestedIT {

	private static final Duration WAIT = Duration.ofSeconds(40);

	private static final String ORDER_SERVICE = TestTokenIssuer.shared().serviceToken("order-service");

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EventTopics topics;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void chargesTheOrderOnceAndPublishesTheSettlement() {
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();

		send(orderId, "PaymentRequested", requested(UUID.randomUUID(), orderId, userId, 5880, "tok_visa"));

		JsonNode settled = settlementOf(orderId);
		assertThat(settled.at("/payload/status").stringValue()).isEqualTo("APPROVED");
		assertThat(settled.at("/payload/userId").stringValue()).isEqualTo(userId.toString());
		assertThat(settled.at("/payload/amount/amount").longValue()).isEqualTo(5880);
		String paymentId = settled.at("/payload/paymentId").stringValue();
		assertThat(PspStub.chargeRequests(paymentId)).hasSize(1);
		assertThat(paymentsOf(orderId)).isEqualTo(1);
	}

	@Test
	void theSameChargeAgainByEventOrOverHttpGetsThePaymentBackWithoutChargingAgain() {
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		// order-service's HTTP charge got through before its answer was lost.
		Answer charged = new ApiClient(this.port).post("/api/payments", ORDER_SERVICE, "order-" + orderId,
				PaymentRequests.createBody(orderId, userId, 5880, "EUR", "tok_visa"));
		assertThat(charged.status()).as(charged.toString()).isEqualTo(201);
		String paymentId = charged.json("$.id");
		String event = requested(UUID.randomUUID(), orderId, userId, 5880, "tok_visa");

		send(orderId, "PaymentRequested", event);
		send(orderId, "PaymentRequested", event);
		send(orderId, "PaymentRequested", requested(UUID.randomUUID(), orderId, userId, 5880, "tok_visa"));
		// Behind them on the same partition: once it is charged, they were all read.
		UUID marker = UUID.randomUUID();
		send(orderId, "PaymentRequested", requested(UUID.randomUUID(), marker, userId, 100, "tok_visa"));
		settlementOf(marker);

		assertThat(PspStub.chargeRequests(paymentId)).hasSize(1);
		assertThat(paymentsOf(orderId)).isEqualTo(1);
		Answer again = new ApiClient(this.port).post("/api/payments", ORDER_SERVICE, "order-" + orderId,
				PaymentRequests.createBody(orderId, userId, 5880, "EUR", "tok_visa"));
		assertThat(again.<String>json("$.id")).isEqualTo(paymentId);
	}

	@Test
	void parksWhatCannotBeAChargeWithTheReason() {
		UUID key = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		UUID placed = UUID.randomUUID();
		send(key, "OrderPlaced", """
				{"eventId":"%s","type":"OrderPlaced","version":1,"occurredAt":"2026-12-07T10:00:00Z",
				 "aggregateId":"%s","payload":{"orderId":"%s"}}""".formatted(UUID.randomUUID(), placed, placed));
		send(key, "PaymentRequested", "{not json");
		String newer = requested(UUID.randomUUID(), UUID.randomUUID(), userId, 5880, "tok_visa")
			.replace("\"version\":1", "\"version\":2");
		send(key, "PaymentRequested", newer);
		UUID noAmount = UUID.randomUUID();
		send(key, "PaymentRequested", requested(UUID.randomUUID(), noAmount, userId, 5880, "tok_visa")
			.replace("\"amount\":{\"amount\":5880,\"currency\":\"EUR\"},", ""));
		UUID otherAmount = UUID.randomUUID();
		new ApiClient(this.port).post("/api/payments", ORDER_SERVICE, "order-" + otherAmount,
				PaymentRequests.createBody(otherAmount, userId, 5880, "EUR", "tok_visa"));
		send(key, "PaymentRequested", requested(UUID.randomUUID(), otherAmount, userId, 9999, "tok_visa"));
		UUID marker = UUID.randomUUID();
		send(key, "PaymentRequested", requested(UUID.randomUUID(), marker, userId, 100, "tok_visa"));

		settlementOf(marker);
		String deadLetters = this.topics.deadLetterTopic(this.topics.name(PaymentRequestsListener.TOPIC));
		try (TopicRecords dead = TopicRecords.of(this.bootstrapServers, deadLetters)) {
			assertThat(TopicRecords.deadLetterReason(dead.await(r -> TopicRecords.text(r).equals("{not json"), WAIT)))
				.contains("Not JSON");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains("\"version\":2"), WAIT)))
				.contains("Version 2 of PaymentRequested is newer than 1");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains(noAmount.toString()), WAIT)))
				.contains("PaymentRequested needs orderId, userId, amount");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains(otherAmount.toString()), WAIT)))
				.contains("IdempotencyKeyReusedException");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains(placed.toString()), WAIT)))
				.as("an order's own event has no place on the topic of charge requests")
				.contains("Unexpected type 'OrderPlaced'");
		}
		assertThat(paymentsOf(otherAmount)).isEqualTo(1);
	}

	private void send(UUID key, String type, String value) {
		EventRecords.send(this.kafka, this.topics.name(PaymentRequestsListener.TOPIC), key.toString(), type, 1, value);
	}

	private JsonNode settlementOf(UUID orderId) {
		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("payments.v1"))) {
			return this.json.readTree(
					records.await(record -> TopicRecords.text(record).contains("\"orderId\":\"" + orderId + "\""), WAIT)
						.value());
		}
	}

	private long paymentsOf(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM payment WHERE order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	/** As order-service publishes it (its contract keeps the two in step). */
	static String requested(UUID eventId, UUID orderId, UUID userId, long amount, String paymentMethod) {
		return """
				{"eventId":"%s","type":"PaymentRequested","version":1,"occurredAt":"2026-12-07T10:00:00Z",
				 "aggregateId":"%s","payload":{"orderId":"%s","userId":"%s",
				 "amount":{"amount":%d,"currency":"EUR"},"paymentMethod":"%s","idempotencyKey":"order-%s"}}"""
			.formatted(eventId, orderId, orderId, userId, amount, paymentMethod, orderId);
	}

}
