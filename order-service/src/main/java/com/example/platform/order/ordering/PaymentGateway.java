package com.example.platform.order.ordering;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: the payment service. Every call that moves money carries an idempotency key, so
 * repeating it can never charge or refund twice.
 */
public interface PaymentGateway {

	/**
	 * Charges an order (or returns the charge already made with this key).
	 * @param order the order to charge, with its payment key
	 * @return the payment's state
	 * @throws DependencyUnavailableException if the outcome is unknown
	 */
	PaymentResult charge(Order order);

	/**
	 * @param orderId the order
	 * @return the order's payment, if the payment service has one
	 * @throws DependencyUnavailableException if the payment service cannot say
	 */
	Optional<PaymentResult> findByOrder(UUID orderId);

	/**
	 * Refunds an order's payment in full (or returns the refund already made with this
	 * key).
	 * @param order the order, with its payment id and refund key
	 * @return the refund's state
	 * @throws DependencyUnavailableException if the outcome is unknown
	 */
	RefundResult refundInFull(Order order);

}
