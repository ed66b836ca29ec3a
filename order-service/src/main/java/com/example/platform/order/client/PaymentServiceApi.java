package com.example.platform.order.client;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The part of the payment service's API this service uses, with this service's own wire
 * records: only the fields it sends and reads.
 */
@HttpExchange("/api/payments")
public interface PaymentServiceApi {

	@PostExchange
	PaymentBody create(@RequestHeader("Idempotency-Key") String idempotencyKey, @RequestBody CreatePayment request);

	@GetExchange
	List<PaymentBody> byOrder(@RequestParam UUID orderId);

	@PostExchange("/{paymentId}/refunds")
	RefundBody refund(@PathVariable UUID paymentId, @RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody CreateRefund request);

	/**
	 * Money as the payment service takes it.
	 *
	 * @param amount minor units
	 * @param currency ISO 4217
	 */
	record MoneyBody(long amount, String currency) {
	}

	/**
	 * A charge request.
	 *
	 * @param orderId the order
	 * @param userId the customer
	 * @param amount the order total
	 * @param paymentMethod the token to charge
	 */
	record CreatePayment(UUID orderId, UUID userId, MoneyBody amount, String paymentMethod) {
	}

	/**
	 * What this service reads of a payment.
	 *
	 * @param id the payment id
	 * @param status {@code APPROVED}, {@code DECLINED}, {@code PENDING} or {@code FAILED}
	 * @param declineCode why it was declined
	 */
	record PaymentBody(UUID id, String status, String declineCode) {
	}

	/**
	 * A refund request.
	 *
	 * @param amount how much to refund
	 */
	record CreateRefund(MoneyBody amount) {
	}

	/**
	 * What this service reads of a refund.
	 *
	 * @param refundId the refund id
	 * @param status {@code SUCCEEDED}, {@code PENDING} or {@code FAILED}
	 */
	record RefundBody(UUID refundId, String status) {
	}

}
