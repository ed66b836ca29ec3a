package com.example.platform.payment.domain;

import java.util.UUID;

/**
 * What is stored for an idempotency key: the request's fingerprint, the resource it
 * created, and, once answered, the resource's state as answered.
 *
 * @param fingerprint the first request's {@link RequestFingerprint}
 * @param completed whether the first request has been answered
 * @param resourceType {@code PAYMENT} or {@code REFUND}
 * @param resourceId the payment or refund created by the first request
 * @param responseStatus the resource's status in the answer
 * @param responseCode the decline code in the answer, if any
 */
public record IdempotencyRecord(String fingerprint, boolean completed, String resourceType, UUID resourceId,
		String responseStatus, String responseCode) {

}
