package com.example.platform.order.ordering;

import java.time.Instant;
import java.util.UUID;

import com.example.platform.order.catalog.Money;

/**
 * An order was paid: its payment was approved.
 *
 * @param eventId the event's id
 * @param type always {@value #TYPE}
 * @param version the schema version, {@value #VERSION}
 * @param occurredAt when the order became paid
 * @param aggregateId the order id
 * @param payload the paid order
 */
public record OrderPaid(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
		Payload payload) implements OrderEvent {

	static final String TYPE = "OrderPaid";

	static final int VERSION = 1;

	static OrderPaid of(Order order, Instant now) {
		return new OrderPaid(UUID.randomUUID(), TYPE, VERSION, now, order.getId().toString(),
				new Payload(order.getId(), order.getUserId(), order.getPaymentId(), order.getTotal(), now));
	}

	/**
	 * @param orderId the order
	 * @param userId the customer
	 * @param paymentId payment-service's payment
	 * @param total the amount paid, in minor units of its ISO 4217 currency
	 * @param paidAt when the order became paid
	 */
	public record Payload(UUID orderId, UUID userId, UUID paymentId, Money total, Instant paidAt) {
	}

}
