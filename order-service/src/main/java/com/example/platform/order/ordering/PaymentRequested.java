package com.example.platform.order.ordering;

import java.time.Instant;
import java.util.UUID;

import com.example.platform.order.catalog.Money;

/**
 * An order's charge could not be made over HTTP (payment-service unreachable, its answer
 * lost): payment-service is asked to charge it when it reads this, with the same
 * idempotency key the HTTP charge and the reconciler use, so the three are one charge.
 *
 * @param eventId the event's id
 * @param type always {@value #TYPE}
 * @param version the schema version, {@value #VERSION}
 * @param occurredAt when the charge was requested
 * @param aggregateId the order id
 * @param payload the charge requested
 */
public record PaymentRequested(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
		Payload payload) implements OrderEvent {

	/**
	 * The topic of charge requests, without the deployment's prefix: a topic of its own,
	 * so payment-service reads only these and not every order's events.
	 */
	public static final String TOPIC = "orders.payment-requests.v1";

	static final String TYPE = "PaymentRequested";

	static final int VERSION = 1;

	static PaymentRequested of(Order order, Instant now) {
		return new PaymentRequested(UUID.randomUUID(), TYPE, VERSION, now, order.getId().toString(), new Payload(
				order.getId(), order.getUserId(), order.getTotal(), order.getPaymentMethod(), order.paymentKey()));
	}

	@Override
	public String topic() {
		return TOPIC;
	}

	/**
	 * @param orderId the order
	 * @param userId the customer to charge
	 * @param amount the order's total, in minor units of its ISO 4217 currency
	 * @param paymentMethod the payment method token
	 * @param idempotencyKey the key of the order's charge, as the HTTP charge sends it
	 * ({@code Idempotency-Key})
	 */
	public record Payload(UUID orderId, UUID userId, Money amount, String paymentMethod, String idempotencyKey) {
	}

}
