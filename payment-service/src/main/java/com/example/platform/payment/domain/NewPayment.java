package com.example.platform.payment.domain;

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

	String fingerprint() {
		return RequestFingerprint.of("create-payment", this.orderId, this.userId, this.amount.amount(),
				this.amount.currency(), this.paymentMethod);
	}

}
