package com.example.platform.payment.refunds;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.PaymentSettled;
import com.example.platform.support.events.OutgoingEvent;

/**
 * A refund reached its final state: succeeded or failed. Published on {@code payments.v1}
 * keyed by the refunded payment's id, so a consumer reads it after that payment's
 * {@link PaymentSettled}; in the transaction that stores the state.
 *
 * @param eventId the event's id
 * @param type always {@value #TYPE}
 * @param version the schema version, {@value #VERSION}
 * @param occurredAt when the refund settled
 * @param aggregateId the refunded payment's id (the record key)
 * @param payload the settled refund
 */
public record RefundSettled(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
		Payload payload) implements OutgoingEvent {

	static final String TYPE = "RefundSettled";

	static final int VERSION = 1;

	/**
	 * @param refund a refund in its final state
	 * @param orderId the order the refunded payment paid for
	 * @param now the current time
	 * @return the event saying so
	 */
	static RefundSettled of(Refund refund, UUID orderId, Instant now) {
		if (refund.isPending()) {
			throw new IllegalArgumentException("Refund " + refund.getId() + " is not settled");
		}
		String reason = (refund.getStatus() == RefundStatus.FAILED) ? refund.getFailureReason() : null;
		return new RefundSettled(UUID.randomUUID(), TYPE, VERSION, now, refund.getPaymentId().toString(), new Payload(
				refund.getId(), refund.getPaymentId(), orderId, refund.getStatus().name(), refund.getAmount(), reason));
	}

	@Override
	public String topic() {
		return PaymentSettled.TOPIC;
	}

	@Override
	public String key() {
		return this.aggregateId;
	}

	/**
	 * @param refundId the refund
	 * @param paymentId the refunded payment
	 * @param orderId the order that payment paid for
	 * @param status {@code SUCCEEDED} or {@code FAILED}
	 * @param amount how much, in minor units of its currency
	 * @param reason why it failed (the provider's refusal, or no outcome after the
	 * resolver's last attempt), otherwise {@code null}
	 */
	public record Payload(UUID refundId, UUID paymentId, UUID orderId, String status, Money amount,
			@Nullable String reason) {
	}

}
