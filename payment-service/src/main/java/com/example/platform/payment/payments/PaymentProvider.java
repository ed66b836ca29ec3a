package com.example.platform.payment.payments;

import java.util.UUID;

/**
 * The external payment provider (PSP), for charges. Implementations never throw for
 * anything the provider or the network does: every answer, or its absence, is an outcome.
 * Each request carries our reference as the provider's idempotency key, so repeating it
 * can never charge twice.
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
	 * A charge to make.
	 *
	 * @param reference our payment id, also the provider's idempotency key
	 * @param amount how much
	 * @param paymentMethod the customer's payment method token
	 */
	record ChargeRequest(UUID reference, Money amount, String paymentMethod) {
	}

}
