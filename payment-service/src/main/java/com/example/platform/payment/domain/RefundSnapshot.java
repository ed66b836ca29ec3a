package com.example.platform.payment.domain;

import java.util.UUID;

/**
 * A refund as answered to a caller.
 *
 * @param id the refund id
 * @param paymentId the refunded payment
 * @param amount how much
 * @param status the status as answered
 */
public record RefundSnapshot(UUID id, UUID paymentId, Money amount, RefundStatus status) {

	/**
	 * @param answeredStatus the status of the original answer
	 * @return this refund as it was answered originally
	 */
	public RefundSnapshot asAnswered(RefundStatus answeredStatus) {
		return new RefundSnapshot(this.id, this.paymentId, this.amount, answeredStatus);
	}

}
