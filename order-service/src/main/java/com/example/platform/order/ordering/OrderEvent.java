package com.example.platform.order.ordering;

import com.example.platform.support.events.OutgoingEvent;

/**
 * What an order publishes, on {@code orders.v1} ({@link PaymentRequested} on a topic of
 * its own), keyed by the order id so one order's events stay in order: raised by the
 * {@link Order} itself when its state changes, and published by {@link OrderService} in
 * the transaction that stores that change.
 */
public sealed interface OrderEvent extends OutgoingEvent
		permits OrderPlaced, OrderPaid, OrderCancelled, PaymentRequested {

	/** The topic of the order's own events, without the deployment's prefix. */
	String TOPIC = "orders.v1";

	/**
	 * @return the order id
	 */
	String aggregateId();

	@Override
	default String topic() {
		return TOPIC;
	}

	@Override
	default String key() {
		return aggregateId();
	}

}
