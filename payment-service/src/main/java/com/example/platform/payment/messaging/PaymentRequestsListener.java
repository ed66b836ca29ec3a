package com.example.platform.payment.messaging;

import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import com.example.platform.payment.config.PaymentProperties;
import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.NewPayment;
import com.example.platform.payment.payments.PaymentService;
import com.example.platform.payment.payments.PaymentSnapshot;
import com.example.platform.payment.payments.UnsupportedCurrencyException;
import com.example.platform.support.events.EventReader;
import com.example.platform.support.events.IncomingEvent;
import com.example.platform.support.events.InvalidEventException;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotencyKeyReusedException;
import com.example.platform.support.idempotency.InvalidIdempotencyKeyException;
import com.example.platform.support.idempotency.RequestInFlightException;
import com.example.platform.support.security.Caller;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Charges the orders whose charge order-service could not make over HTTP (this service
 * was down or did not answer), as soon as this service reads order-service's
 * {@code PaymentRequested}. The charge goes through the same idempotent path as the HTTP
 * endpoint, with order-service's key and on its behalf, so the event, the HTTP call and
 * order-service's reconciler are one charge: whichever comes first makes it, the others
 * get its payment back. The settled payment's {@code PaymentSettled} completes the order.
 */
@Component
class PaymentRequestsListener {

	private static final Log logger = LogFactory.getLog(PaymentRequestsListener.class);

	/**
	 * order-service's topic of charge requests (its other order events are on a topic
	 * this service does not read), without the deployment's prefix.
	 */
	static final String TOPIC = "orders.payment-requests.v1";

	static final String PAYMENT_REQUESTED = "PaymentRequested";

	private final EventReader reader;

	private final PaymentService payments;

	private final Caller requester;

	PaymentRequestsListener(EventReader reader, PaymentService payments, PaymentProperties properties) {
		this.reader = reader;
		this.payments = payments;
		this.requester = new Caller.Service(properties.orderEvents().requester(), Set.of());
	}

	@KafkaListener(topics = "#{@eventTopics.name('" + TOPIC + "')}")
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = this.reader.read(record.value(), PAYMENT_REQUESTED, 1);
		PaymentRequested requested = this.reader.payload(event, PaymentRequested.class);
		try {
			PaymentSnapshot payment = this.payments.create(this.requester, requested.key(), requested.toNewPayment());
			if (logger.isDebugEnabled()) {
				logger.debug("Order " + requested.orderId() + " charged on request " + event.eventId() + ": "
						+ payment.status());
			}
		}
		catch (RequestInFlightException ex) {
			// The same charge (same key) is being made right now, by order-service's
			// HTTP call or its reconciler: that request settles it and the settlement's
			// event completes the order. Should it die, its claim expires and
			// order-service's reconciler charges with the same key. Nothing is left
			// for this event to do; parking it would call a passing state a failure.
			logger.info("Order " + requested.orderId() + ": its charge is in flight elsewhere; event " + event.eventId()
					+ " leaves it to that request");
		}
		catch (IdempotencyKeyReusedException | InvalidIdempotencyKeyException | UnsupportedCurrencyException ex) {
			throw new InvalidEventException(
					"Charge of order " + requested.orderId() + " refused: " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * The payload of order-service's {@code PaymentRequested}, as far as this service
	 * reads it.
	 *
	 * @param orderId the order
	 * @param userId the customer
	 * @param amount the order's total
	 * @param paymentMethod the payment method token
	 * @param idempotencyKey the key of the order's charge
	 */
	record PaymentRequested(@Nullable UUID orderId, @Nullable UUID userId, @Nullable Amount amount,
			@Nullable String paymentMethod, @Nullable String idempotencyKey) {

		NewPayment toNewPayment() {
			if (this.orderId == null || this.userId == null || this.amount == null || this.amount.currency() == null
					|| this.paymentMethod == null || this.paymentMethod.isBlank()) {
				throw new InvalidEventException(
						"PaymentRequested needs orderId, userId, amount {amount, currency} and paymentMethod");
			}
			try {
				return new NewPayment(this.orderId, this.userId,
						new Money(this.amount.amount(), this.amount.currency()), this.paymentMethod);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidEventException("PaymentRequested for order " + this.orderId + ": " + ex.getMessage());
			}
		}

		IdempotencyKey key() {
			try {
				return new IdempotencyKey(this.idempotencyKey);
			}
			catch (InvalidIdempotencyKeyException ex) {
				throw new InvalidEventException("PaymentRequested for order " + this.orderId
						+ " has no valid idempotencyKey: " + ex.getMessage());
			}
		}

	}

	/**
	 * Money as order-service sends it.
	 *
	 * @param amount minor units
	 * @param currency ISO 4217
	 */
	record Amount(long amount, @Nullable String currency) {
	}

}
