package com.example.platform.payment.payments;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.platform.support.events.OutgoingEvent;

/**
 * A payment reached its final state: approved, declined, or failed. Published on
 * {@code payments.v1}, keyed by the payment id, in the transaction that stores the state.
 *
 * @param eventId the event's id
 * @param type always {@value #TYPE}
 * @param version the schema version, {@value #VERSION}
 * @param occurredAt when the payment settled
 * @param aggregateId the payment id
 * @param payload the settled payment
 */
public record PaymentSettled(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
		Payload payload) implements OutgoingEvent {

	/** The topic, without the deployment's prefix. */
	public static final String TOPIC = "payments.v1";

	static final String TYPE = "PaymentSettled";

	static final int VERSION = 1;

	/**
	 * @param payment a payment in its final state
	 * @param now the current time
	 * @return the event saying so
	 */
	static PaymentSettled of(PaymentSnapshot payment, Instant now) {
		if (payment.status() == PaymentStatus.PENDING) {
			throw new IllegalArgumentException("Payment " + payment.id() + " is not settled");
		}
		return new PaymentSettled(UUID.randomUUID(), TYPE, VERSION, now, payment.id().toString(),
				new Payload(payment.id(), payment.orderId(), payment.userId(), payment.status().name(),
						payment.amount(), payment.declineCode()));
	}

	@Override
	public String topic() {
		return TOPIC;
	}

	@Override
	public String key() {
		return this.aggregateId;
	}

	/**
	 * @param paymentId the payment
	 * @param orderId the order it pays for
	 * @param userId the customer charged
	 * @param status {@code APPROVED}, {@code DECLINED} or {@code FAILED}
	 * @param amount how much, in minor units of its currency
	 * @param declineCode the provider's reason for a decline, otherwise {@code null}
	 */
	public record Payload(UUID paymentId, UUID orderId, UUID userId, String status, Money amount,
			@Nullable String declineCode) {
	}

}
