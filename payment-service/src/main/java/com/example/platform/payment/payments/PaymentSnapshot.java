package com.example.platform.payment.payments;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment as answered to a caller; also the answer stored for its idempotency key (as
 * JSON), which a replay answers again.
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

}
