package com.example.platform.payment.refunds;

import java.util.UUID;

import com.example.platform.payment.payments.Money;

/**
 * A refund as answered to a caller; also the answer stored for its idempotency key (as
 * JSON), which a replay answers again.
 *
 * @param id the refund id
 * @param paymentId the refunded payment
 * @param amount how much
 * @param status the status as answered
 */
public record RefundSnapshot(UUID id, UUID paymentId, Money amount, RefundStatus status) {

}
