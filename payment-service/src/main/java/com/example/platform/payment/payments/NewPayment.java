package com.example.platform.payment.payments;

import java.util.UUID;

/**
 * A request to charge a customer for an order.
 *
 * @param orderId the order
 * @param userId the customer
 * @param amount how much
 * @param paymentMethod the customer's payment method token at the provider
 */
public record NewPayment(UUID orderId, UUID userId, Money amount, String paymentMethod) {

	/**
	 * @return the fields that make two requests the same request, in a fixed order
	 */
	Object[] fingerprintFields() {
		return new Object[] { this.orderId, this.userId, this.amount.amount(), this.amount.currency(),
				this.paymentMethod };
	}

}
