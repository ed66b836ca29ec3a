package com.example.platform.payment.payments;

/**
 * What the provider said about a charge, already mapped from its wire format. Every
 * possible answer, including none at all, is one of these.
 */
public sealed interface ChargeOutcome {

	/**
	 * The customer was charged.
	 *
	 * @param chargeId the provider's charge id
	 */
	record Approved(String chargeId) implements ChargeOutcome {
	}

	/**
	 * The charge was refused (card declined, insufficient funds...).
	 *
	 * @param chargeId the provider's charge id, if it created one
	 * @param declineCode why, e.g. {@code card_declined}
	 */
	record Declined(String chargeId, String declineCode) implements ChargeOutcome {
	}

	/**
	 * The provider refused the request itself (bad request, bad credentials): nothing was
	 * charged, and retrying the same request would not change that.
	 *
	 * @param reason what the provider said
	 */
	record Rejected(String reason) implements ChargeOutcome {
	}

	/**
	 * No clear answer: the provider failed (5xx), did not answer in time, could not be
	 * reached, answered something unreadable, or is still processing. The customer may or
	 * may not have been charged; ask again later.
	 *
	 * @param chargeId the provider's charge id, if known
	 * @param reason what happened, for the record
	 */
	record Unknown(String chargeId, String reason) implements ChargeOutcome {
	}

}
