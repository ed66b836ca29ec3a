package com.example.platform.order.messaging;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import com.example.platform.order.ordering.IllegalOrderTransitionException;
import com.example.platform.order.ordering.OrderNotFoundException;
import com.example.platform.order.ordering.OrderService;
import com.example.platform.order.ordering.PaymentResult;
import com.example.platform.support.events.EventReader;
import com.example.platform.support.events.IncomingEvent;
import com.example.platform.support.events.InvalidEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Completes the order saga as soon as payment-service says a payment settled, instead of
 * at the reconciler's next look (which stays the safety net for lost or late events).
 */
@Component
class PaymentEventsListener {

	/** payment-service's topic, without the deployment's prefix. */
	static final String TOPIC = "payments.v1";

	static final String PAYMENT_SETTLED = "PaymentSettled";

	private final EventReader reader;

	private final OrderService orders;

	PaymentEventsListener(EventReader reader, OrderService orders) {
		this.reader = reader;
		this.orders = orders;
	}

	@KafkaListener(topics = "#{@eventTopics.name('" + TOPIC + "')}")
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = this.reader.read(record.value(), PAYMENT_SETTLED, 1);
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
