package com.example.platform.order.messaging;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.OrderStatus;
import com.example.platform.order.ordering.Orders;
import com.example.platform.order.ordering.RefundResult;
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
 * payment-service's {@code RefundSettled} events, next to its {@code PaymentSettled} on
 * {@code payments.v1}, as order-service consumes them from a real broker into its real
 * database: a succeeded refund completes the cancellation at once and only once, a
 * refused one leaves it pending for an operator, and what cannot be applied (a type or
 * version it does not know, an unknown order, a contradiction) is parked on the
 * dead-letter topic with its reason while the events behind it on the same partition are
 * still applied.
 */
@OrderServiceIntegrationTest
class RefundEventsIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	OrderRepository orders;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EventTopics topics;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aSucceededRefundCompletesTheCancellationOnce() {
		Order order = this.orders.save(cancellingAwaitingRefund());
		UUID eventId = UUID.randomUUID();
		String event = refundSettled(eventId, 1, order.getRefundId(), order.getPaymentId(), order.getId(), "SUCCEEDED",
				null);

		send(order.getPaymentId(), event);

		Order cancelled = await().atMost(WAIT)
			.until(() -> stored(order), found -> found.getStatus() == OrderStatus.CANCELLED);
		assertThat(cancelled.getRefundId()).isEqualTo(order.getRefundId());
		assertThat(cancelled.getReconcileAfter()).as("nothing left to reconcile").isNull();
		assertThat(processed(eventId)).isTrue();

		// Delivered again, behind the same payment's events: nothing changes.
		send(order.getPaymentId(), event);
		Order marker = this.orders.save(cancellingAwaitingRefund());
		send(order.getPaymentId(), refundSettled(UUID.randomUUID(), 1, marker.getRefundId(), marker.getPaymentId(),
				marker.getId(), "SUCCEEDED", null));
		await().atMost(WAIT).until(() -> stored(marker).getStatus() == OrderStatus.CANCELLED);
		assertThat(stored(order).getUpdatedAt()).isEqualTo(cancelled.getUpdatedAt());
		assertThat(stored(order).stored().version()).isEqualTo(cancelled.stored().version());
	}

	@Test
	void aRefusedRefundLeavesTheCancellationPendingForAnOperator() {
		Order order = this.orders.save(cancellingAwaitingRefund());
		UUID eventId = UUID.randomUUID();

		send(order.getPaymentId(), refundSettled(eventId, 1, order.getRefundId(), order.getPaymentId(), order.getId(),
				"FAILED", "The provider refused the refund: charge_disputed"));

		await().atMost(WAIT).until(() -> processed(eventId));
		Order pending = stored(order);
		assertThat(pending.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(pending.stored().reconcileFailure()).contains("refused by the provider");
	}

	@Test
	void parksWhatItCannotApplyWithTheReasonAndGoesOn() {
		Order paid = this.orders.save(Orders.paid());
		Order awaiting = this.orders.save(cancellingAwaitingRefund());
		UUID key = awaiting.getPaymentId();
		UUID unknownOrder = UUID.randomUUID();
		String unknownType = refundSettled(UUID.randomUUID(), 1, awaiting.getRefundId(), awaiting.getPaymentId(),
				awaiting.getId(), "SUCCEEDED", null)
			.replace("\"RefundSettled\"", "\"RefundDisputed\"");
		send(key, unknownType);
		send(key, refundSettled(UUID.randomUUID(), 2, awaiting.getRefundId(), awaiting.getPaymentId(), awaiting.getId(),
				"SUCCEEDED", "version-two"));
		send(key, refundSettled(UUID.randomUUID(), 1, UUID.randomUUID(), key, unknownOrder, "SUCCEEDED", null));
		send(key, refundSettled(UUID.randomUUID(), 1, UUID.randomUUID(), paid.getPaymentId(), paid.getId(), "SUCCEEDED",
				"of-a-paid-order"));
		send(key, refundSettled(UUID.randomUUID(), 1, awaiting.getRefundId(), awaiting.getPaymentId(), awaiting.getId(),
				"SUCCEEDED", null));

		await().atMost(WAIT).until(() -> stored(awaiting).getStatus() == OrderStatus.CANCELLED);
		String deadLetters = this.topics.deadLetterTopic(this.topics.name(PaymentEventsListener.TOPIC));
		try (TopicRecords dead = TopicRecords.of(this.bootstrapServers, deadLetters)) {
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains("RefundDisputed"), WAIT)))
				.contains("Unexpected type 'RefundDisputed'");
			assertThat(
					TopicRecords.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains("version-two"), WAIT)))
				.contains("Version 2 of RefundSettled is newer than 1");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains(unknownOrder.toString()), WAIT)))
				.contains("unknown order " + unknownOrder);
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains("of-a-paid-order"), WAIT)))
				.contains("contradicts order " + paid.getId());
		}
		assertThat(stored(paid).getStatus()).isEqualTo(OrderStatus.PAID);
	}

	/** A paid order whose cancellation was answered with a pending refund. */
	private static Order cancellingAwaitingRefund() {
		Order order = Orders.cancelling();
		order.applyRefund(order.getPaymentId(), new RefundResult(UUID.randomUUID(), RefundResult.State.PENDING),
				Orders.PLACED_AT.plusSeconds(3));
		return order;
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
	static String refundSettled(UUID eventId, int version, UUID refundId, UUID paymentId, UUID orderId, String status,
			String reason) {
		return """
				{"eventId":"%s","type":"RefundSettled","version":%d,"occurredAt":"2026-12-07T10:05:00Z",
				 "aggregateId":"%s","payload":{"refundId":"%s","paymentId":"%s","orderId":"%s","status":"%s",
				 "amount":{"amount":5880,"currency":"EUR"},"reason":%s}}""".formatted(eventId, version, paymentId,
				refundId, paymentId, orderId, status, (reason != null) ? "\"" + reason + "\"" : "null");
	}

}
