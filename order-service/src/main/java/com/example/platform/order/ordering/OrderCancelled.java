package com.example.platform.order.ordering;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order was cancelled: with no money taken, or after the refund of what was.
 *
 * @param eventId the event's id
 * @param type always {@value #TYPE}
 * @param version the schema version, {@value #VERSION}
 * @param occurredAt when the order became cancelled
 * @param aggregateId the order id
 * @param payload the cancelled order
 */
public record OrderCancelled(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
		Payload payload) implements OrderEvent {

	static final String TYPE = "OrderCancelled";

	static final int VERSION = 1;

	static OrderCancelled of(Order order, Instant now) {
		return new OrderCancelled(UUID.randomUUID(), TYPE, VERSION, now, order.getId().toString(),
				new Payload(order.getId(), order.getUserId(), order.getRefundId(), now));
	}

	/**
	 * @param orderId the order
	 * @param userId the customer
	 * @param refundId payment-service's refund of the order's payment, or {@code null}
	 * when no money had been taken
	 * @param cancelledAt when the order became cancelled
	 */
	public record Payload(UUID orderId, UUID userId, @Nullable UUID refundId, Instant cancelledAt) {
	}

}
