package com.example.platform.payment.domain;

import java.util.UUID;

/**
 * The external payment provider (PSP). Implementations never throw for anything the
 * provider or the network does: every answer, or its absence, is an outcome. Each request
 * carries our reference as the provider's idempotency key, so repeating it can never
 * charge or refund twice.
 */
public interface PaymentProvider {

	/**
	 * Charges the customer, or (same reference) asks again for the outcome of that
	 * charge.
	 * @param request what to charge
	 * @return the outcome
	 */
	ChargeOutcome charge(ChargeRequest request);

	/**
	 * Looks up a charge the provider created earlier.
	 * @param chargeId the provider's charge id
	 * @return its current outcome
	 */
	ChargeOutcome chargeStatus(String chargeId);

	/**
	 * Refunds (part of) a charge, or (same reference) asks again for that refund's
	 * outcome.
	 * @param request what to refund
	 * @return the outcome
	 */
	RefundOutcome refund(RefundRequest request);

	/**
	 * A charge to make.
	 *
	 * @param reference our payment id, also the provider's idempotency key
	 * @param amount how much
	 * @param paymentMethod the customer's payment method token
	 */
	record ChargeRequest(UUID reference, Money amount, String paymentMethod) {
	}

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
