package com.example.platform.order.messaging;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.OrderStatus;
import com.example.platform.order.ordering.Orders;
import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.kafka.EventRecords;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service's {@code PaymentSettled} events, as order-service consumes them from a
 * real broker into its real database: a pending order is completed at once, an event
 * delivered again changes nothing, and what cannot be applied (not an event, a status it
 * does not know, an unknown order, a contradiction) is parked on the dead-letter topic
 * with its reason while the events behind it are still applied.
 */
@OrderServiceIntegrationTest
class PaymentEventsIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	OrderRepository orders;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EventTopics topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anApprovedPaymentPaysThePendingOrderAtOnce() {
		Order order = this.orders.save(Orders.pending());
		UUID paymentId = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();

		send(paymentId, settled(eventId, paymentId, order.getId(), "APPROVED", null));

		Order paid = await().atMost(WAIT).until(() -> stored(order), found -> found.getStatus() == OrderStatus.PAID);
		assertThat(paid.getPaymentId()).isEqualTo(paymentId);
		assertThat(paid.getReconcileAfter()).as("nothing left to reconcile").isNull();
		assertThat(processed(eventId)).isTrue();
	}

	@Test
	void aDeclinedPaymentDeclinesTheOrderWithTheCode() {
		Order order = this.orders.save(Orders.pending());
		UUID paymentId = UUID.randomUUID();

		send(paymentId, settled(UUID.randomUUID(), paymentId, order.getId(), "DECLINED", "insufficient_funds"));

		Order declined = await().atMost(WAIT)
			.until(() -> stored(order), found -> found.getStatus() == OrderStatus.PAYMENT_DECLINED);
		assertThat(declined.getDeclineCode()).isEqualTo("insufficient_funds");
	}

	@Test
	void anEventDeliveredAgainChangesNothing() {
		Order order = this.orders.save(Orders.pending());
		UUID paymentId = UUID.randomUUID();
		UUID eventId = UUID.randomUUID();
		String event = settled(eventId, paymentId, order.getId(), "APPROVED", null);
		send(paymentId, event);
		Order paid = await().atMost(WAIT).until(() -> stored(order), found -> found.getStatus() == OrderStatus.PAID);

		send(paymentId, event);
		Order marker = this.orders.save(Orders.pending());
		send(paymentId, settled(UUID.randomUUID(), UUID.randomUUID(), marker.getId(), "APPROVED", null));
		await().atMost(WAIT).until(() -> stored(marker).getStatus() == OrderStatus.PAID);

		assertThat(stored(order).getUpdatedAt()).isEqualTo(paid.getUpdatedAt());
	}

	@Test
	void parksWhatItCannotApplyWithTheReasonAndGoesOn() {
		Order paid = this.orders.save(Orders.paid());
		UUID unknownOrder = UUID.randomUUID();
		UUID key = UUID.randomUUID();
		send(key, "{not json");
		send(key, settled(UUID.randomUUID(), key, unknownOrder, "APPROVED", null));
		send(key, settled(UUID.randomUUID(), key, paid.getId(), "REFUNDED_TWICE", null));
		send(key, settled(UUID.randomUUID(), key, paid.getId(), "DECLINED", "card_declined"));
		Order pending = this.orders.save(Orders.pending());
		send(key, settled(UUID.randomUUID(), UUID.randomUUID(), pending.getId(), "APPROVED", null));

		await().atMost(WAIT).until(() -> stored(pending).getStatus() == OrderStatus.PAID);
		String deadLetters = this.topics.deadLetterTopic(this.topics.name(PaymentEventsListener.TOPIC));
		try (TopicRecords dead = TopicRecords.of(this.bootstrapServers, deadLetters)) {
			assertThat(TopicRecords.deadLetterReason(dead.await(r -> TopicRecords.text(r).equals("{not json"), WAIT)))
				.contains("Not JSON");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains(unknownOrder.toString()), WAIT)))
				.contains("unknown order " + unknownOrder);
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains("REFUNDED_TWICE"), WAIT)))
				.contains("Unknown settled status 'REFUNDED_TWICE'");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains("card_declined"), WAIT)))
				.contains("contradicts order " + paid.getId());
		}
		assertThat(stored(paid).getStatus()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void theConsumersLagIsAMeter() {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges())
				.isNotEmpty());
	}

	private void send(UUID key, String value) {
		EventRecords.send(this.kafka, this.topics.name(PaymentEventsListener.TOPIC), key.toString(), value);
	}

	private Order stored(Order order) {
		return this.orders.findById(order.getId()).orElseThrow();
	}

	private boolean processed(UUID eventId) {
		return this.jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	/** As payment-service publishes it (its contract keeps the two in step). */
	static String settled(UUID eventId, UUID paymentId, UUID orderId, String status, String declineCode) {
		return """
				{"eventId":"%s","type":"PaymentSettled","version":1,"occurredAt":"2026-12-07T10:00:00Z",
				 "aggregateId":"%s","payload":{"paymentId":"%s","orderId":"%s",
				 "userId":"7c1f3b5e-0000-4a4a-9c9c-000000000001","status":"%s",
				 "amount":{"amount":5880,"currency":"EUR"},"declineCode":%s}}""".formatted(eventId, paymentId,
				paymentId, orderId, status, (declineCode != null) ? "\"" + declineCode + "\"" : "null");
	}

}
