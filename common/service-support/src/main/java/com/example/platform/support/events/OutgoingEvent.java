package com.example.platform.support.events;

import java.time.Instant;

/**
 * An event a service publishes through the {@link Outbox}. Implemented by each service's
 * own event records, whose components are the JSON on the wire; the methods here that are
 * not components ({@link #topic()}, {@link #key()}) only route it.
 */
public interface OutgoingEvent {

	/**
	 * @return the topic's name without the deployment's prefix, such as
	 * {@code payments.v1}
	 */
	String topic();

	/**
	 * @return the record key: the aggregate's id, so one aggregate's events stay in order
	 */
	String key();

	/**
	 * @return the event's type, such as {@code PaymentSettled}
	 */
	String type();

	/**
	 * @return the version of the type's schema; a consumer rejects versions it does not
	 * know
	 */
	int version();

	/**
	 * @return when the change happened, in its transaction: the record's timestamp on the
	 * topic
	 */
	Instant occurredAt();

}
