package com.example.platform.order.messaging;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import com.example.platform.order.ordering.IllegalOrderTransitionException;
import com.example.platform.order.ordering.OrderNotFoundException;
import com.example.platform.order.ordering.OrderService;
import com.example.platform.order.ordering.PaymentResult;
import com.example.platform.order.ordering.RefundResult;
import com.example.platform.support.events.EventReader;
import com.example.platform.support.events.IncomingEvent;
import com.example.platform.support.events.InvalidEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Completes the order saga as soon as payment-service says a payment or a cancellation's
 * refund settled, instead of at the reconciler's next look (which stays the safety net
 * for lost or late events). Dispatches on the event's type; a type or version it does not
 * know goes to the dead-letter topic.
 */
@Component
class PaymentEventsListener {

	/** payment-service's topic, without the deployment's prefix. */
	static final String TOPIC = "payments.v1";

	static final String PAYMENT_SETTLED = "PaymentSettled";

	static final String REFUND_SETTLED = "RefundSettled";

	/** The types read here, with the newest version of each this service understands. */
	private static final Map<String, Integer> KNOWN = Map.of(PAYMENT_SETTLED, 1, REFUND_SETTLED, 1);

	private final EventReader reader;

	private final OrderService orders;

	PaymentEventsListener(EventReader reader, OrderService orders) {
		this.reader = reader;
		this.orders = orders;
	}

	@KafkaListener(topics = "#{@eventTopics.name('" + TOPIC + "')}")
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = this.reader.read(record.value(), KNOWN);
		switch (event.type()) {
			case PAYMENT_SETTLED -> paymentSettled(event);
			case REFUND_SETTLED -> refundSettled(event);
			default -> throw new InvalidEventException("No handler for " + event.type());
		}
	}

	private void paymentSettled(IncomingEvent event) {
		PaymentSettled settled = this.reader.payload(event, PaymentSettled.class);
		try {
			this.orders.paymentSettled(event.eventId(), settled.orderId(), settled.toResult());
		}
		catch (OrderNotFoundException ex) {
			throw new InvalidEventException(
					"Payment " + settled.paymentId() + " is for an unknown order " + settled.orderId());
		}
		catch (IllegalOrderTransitionException ex) {
			throw new InvalidEventException("Payment " + settled.paymentId() + " contradicts order " + settled.orderId()
					+ ": " + ex.getMessage());
		}
	}

	private void refundSettled(IncomingEvent event) {
		RefundSettled settled = this.reader.payload(event, RefundSettled.class);
		RefundResult refund = settled.toResult();
		try {
			this.orders.refundSettled(event.eventId(), settled.orderId(), settled.paymentId(), refund,
					settled.reason());
		}
		catch (OrderNotFoundException ex) {
			throw new InvalidEventException(
					"Refund " + settled.refundId() + " is for an unknown order " + settled.orderId());
		}
		catch (IllegalOrderTransitionException ex) {
			throw new InvalidEventException("Refund " + settled.refundId() + " contradicts order " + settled.orderId()
					+ ": " + ex.getMessage());
		}
	}

	/**
	 * The payload of payment-service's {@code RefundSettled}, as far as this service
	 * reads it.
	 *
	 * @param refundId the refund
	 * @param paymentId the refunded payment
	 * @param orderId the order whose payment it was
	 * @param status {@code SUCCEEDED} or {@code FAILED}
	 * @param reason why it failed
	 */
	record RefundSettled(@Nullable UUID refundId, @Nullable UUID paymentId, @Nullable UUID orderId,
			@Nullable String status, @Nullable String reason) {

		RefundResult toResult() {
			if (this.refundId == null || this.paymentId == null || this.orderId == null) {
				throw new InvalidEventException("RefundSettled needs refundId, paymentId and orderId");
			}
			RefundResult.State state = switch ((this.status != null) ? this.status : "") {
				case "SUCCEEDED" -> RefundResult.State.SUCCEEDED;
				case "FAILED" -> RefundResult.State.FAILED;
				default -> throw new InvalidEventException("Unknown settled refund status '" + this.status + "'");
			};
			return new RefundResult(this.refundId, state);
		}

	}

	/**
	 * The payload of payment-service's {@code PaymentSettled}, as far as this service
	 * reads it.
	 *
	 * @param paymentId the payment
	 * @param orderId the order it pays
	 * @param status {@code APPROVED}, {@code DECLINED} or {@code FAILED}
	 * @param declineCode why it was declined
	 */
	record PaymentSettled(@Nullable UUID paymentId, @Nullable UUID orderId, @Nullable String status,
			@Nullable String declineCode) {

		PaymentResult toResult() {
			if (this.paymentId == null || this.orderId == null) {
				throw new InvalidEventException("PaymentSettled needs paymentId and orderId");
			}
			PaymentResult.State state = switch ((this.status != null) ? this.status : "") {
				case "APPROVED" -> PaymentResult.State.APPROVED;
				case "DECLINED" -> PaymentResult.State.DECLINED;
				case "FAILED" -> PaymentResult.State.FAILED;
				default -> throw new InvalidEventException("Unknown settled status '" + this.status + "'");
			};
			return new PaymentResult(this.paymentId, state, this.declineCode);
		}

	}

}
