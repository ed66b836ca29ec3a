package com.example.platform.payment.refunds;

import java.util.UUID;

import com.example.platform.payment.payments.Money;

/**
 * The external payment provider (PSP), for refunds. Like the charges' port, it never
 * throws for anything the provider or the network does, and our reference is the
 * provider's idempotency key, so repeating a refund never refunds twice.
 */
public interface RefundProvider {

	/**
	 * Refunds (part of) a charge, or (same reference) asks again for that refund's
	 * outcome.
	 * @param request what to refund
	 * @return the outcome
	 */
	RefundOutcome refund(RefundRequest request);

	/**
	 * A refund to make.
	 *
	 * @param reference our refund id, also the provider's idempotency key
	 * @param chargeId the provider's id of the charge to refund
	 * @param amount how much
	 */
	record RefundRequest(UUID reference, String chargeId, Money amount) {
	}

}
