package com.example.platform.payment.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment as answered to a caller: its current state, or for an idempotent replay the
 * state it had in the original answer.
 *
 * @param id the payment id
 * @param orderId the order paid for
 * @param userId the customer
 * @param status the status as answered
 * @param amount how much
 * @param declineCode why the provider declined, if it did
 * @param createdAt when the payment was created
 */
public record PaymentSnapshot(UUID id, UUID orderId, UUID userId, PaymentStatus status, Money amount,
		String declineCode, Instant createdAt) {

	/**
	 * @param answeredStatus the status of the original answer
	 * @param answeredDeclineCode the decline code of the original answer
	 * @return this payment as it was answered originally
	 */
	public PaymentSnapshot asAnswered(PaymentStatus answeredStatus, String answeredDeclineCode) {
		return new PaymentSnapshot(this.id, this.orderId, this.userId, answeredStatus, this.amount, answeredDeclineCode,
				this.createdAt);
	}

}
