package com.example.platform.payment.domain;

import java.util.UUID;

/**
 * What to do with a request carrying an idempotency key, given what is stored for the
 * key: the well-known semantics of payment APIs.
 */
public sealed interface IdempotencyDecision {

	/**
	 * Decides for a request whose key was already stored (the request did not win the
	 * insert).
	 * @param stored what is stored for the key
	 * @param fingerprint this request's fingerprint
	 * @return replay the stored answer, refuse a different request, or report it in
	 * flight
	 */
	static IdempotencyDecision forExisting(IdempotencyRecord stored, String fingerprint) {
		if (!stored.fingerprint().equals(fingerprint)) {
			return new Mismatch();
		}
		if (!stored.completed()) {
			return new InFlight();
		}
		return new Replay(stored.resourceId(), stored.responseStatus(), stored.responseCode());
	}

	/**
	 * First request with this key: process it.
	 *
	 * @param resourceId the id reserved for the new payment or refund
	 */
	record Proceed(UUID resourceId) implements IdempotencyDecision {
	}

	/**
	 * Same key, same request, already answered: answer the same again, without calling
	 * the provider.
	 *
	 * @param resourceId the resource of the original answer
	 * @param status its status in the original answer
	 * @param code its decline code in the original answer
	 */
	record Replay(UUID resourceId, String status, String code) implements IdempotencyDecision {
	}

	/** Same key, different request: refused (422). */
	record Mismatch() implements IdempotencyDecision {
	}

	/** Same key, same request, first one not answered yet: retry later (409). */
	record InFlight() implements IdempotencyDecision {
	}

}
