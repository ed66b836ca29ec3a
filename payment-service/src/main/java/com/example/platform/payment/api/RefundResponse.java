package com.example.platform.payment.api;

import java.util.UUID;

import com.example.platform.payment.refunds.RefundSnapshot;

/**
 * A refund as the API shows it.
 *
 * @param refundId the refund id
 * @param paymentId the refunded payment
 * @param amount how much
 * @param status {@code SUCCEEDED}, {@code PENDING} or {@code FAILED}
 */
record RefundResponse(UUID refundId, UUID paymentId, MoneyBody amount, String status) {

	static RefundResponse from(RefundSnapshot refund) {
		return new RefundResponse(refund.id(), refund.paymentId(), MoneyBody.from(refund.amount()),
				refund.status().name());
	}

}
