package com.example.platform.payment.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.example.platform.payment.payments.PaymentSnapshot;

/**
 * A payment as the API shows it.
 *
 * @param id the payment id
 * @param orderId the order paid for
 * @param userId the customer
 * @param status {@code APPROVED}, {@code DECLINED}, {@code PENDING} or {@code FAILED}
 * @param amount how much
 * @param declineCode why the provider declined (only when {@code DECLINED})
 * @param createdAt when the payment was created
 */
record PaymentResponse(UUID id, UUID orderId, UUID userId, String status, MoneyBody amount,
		@JsonInclude(JsonInclude.Include.NON_NULL) String declineCode, Instant createdAt) {

	static PaymentResponse from(PaymentSnapshot payment) {
		return new PaymentResponse(payment.id(), payment.orderId(), payment.userId(), payment.status().name(),
				MoneyBody.from(payment.amount()), payment.declineCode(), payment.createdAt());
	}

}
