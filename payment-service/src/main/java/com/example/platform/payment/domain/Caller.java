package com.example.platform.payment.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: the token's subject, and whether it is one of the platform's services
 * (scope {@code internal}). Idempotency keys are scoped to the subject.
 *
 * @param subject the token's {@code sub}: a user id, or a service's client id
 * @param internal whether the token carries the {@code internal} scope
 */
public record Caller(String subject, boolean internal) {

	/**
	 * @return the user id when the subject is one (users' tokens), empty for services
	 */
	public Optional<UUID> userId() {
		try {
			return Optional.of(UUID.fromString(this.subject));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Services see every payment, users only their own.
	 * @param payment the payment
	 * @return whether this caller may know the payment exists
	 */
	public boolean maySee(Payment payment) {
		return this.internal || userId().filter(payment.getUserId()::equals).isPresent();
	}

}
