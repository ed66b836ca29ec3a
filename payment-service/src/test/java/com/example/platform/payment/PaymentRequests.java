package com.example.platform.payment;

import java.util.UUID;

/**
 * Request bodies for the tests, with defaults that are valid.
 */
public final class PaymentRequests {

	private PaymentRequests() {
	}

	/**
	 * @param orderId the order
	 * @param userId the customer
	 * @param amount minor units
	 * @param currency ISO 4217
	 * @param paymentMethod the token
	 * @return a {@code POST /api/payments} body
	 */
	public static String createBody(UUID orderId, UUID userId, long amount, String currency, String paymentMethod) {
		return """
				{"orderId": "%s", "userId": "%s", "amount": {"amount": %d, "currency": "%s"}, "paymentMethod": "%s"}"""
			.formatted(orderId, userId, amount, currency, paymentMethod);
	}

	/**
	 * @param userId the customer
	 * @param paymentMethod the token
	 * @return a body for a new order of 2500 EUR
	 */
	public static String createBody(UUID userId, String paymentMethod) {
		return createBody(UUID.randomUUID(), userId, 2500, "EUR", paymentMethod);
	}

	/**
	 * @param amount minor units
	 * @param currency ISO 4217
	 * @return a {@code POST /api/payments/{id}/refunds} body
	 */
	public static String refundBody(long amount, String currency) {
		return """
				{"amount": {"amount": %d, "currency": "%s"}}""".formatted(amount, currency);
	}

	/**
	 * @return a fresh idempotency key
	 */
	public static String newKey() {
		return "key-" + UUID.randomUUID();
	}

	/**
	 * @param purpose what the test does
	 * @return a payment method token no other test uses, for stubs of its own
	 */
	public static String uniqueToken(String purpose) {
		return "tok_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "");
	}

}
