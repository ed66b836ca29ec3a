package com.example.platform.order.ordering;

import java.util.UUID;

/**
 * What the payment service says about an order's payment.
 *
 * @param paymentId the payment's id
 * @param state where the payment stands
 * @param declineCode why it was declined, or {@code null}
 */
public record PaymentResult(UUID paymentId, State state, String declineCode) {

	/** The payment service's states, as this service understands them. */
	public enum State {

		/** Money taken. */
		APPROVED,

		/** Refused by the provider. */
		DECLINED,

		/** Outcome not known yet. */
		PENDING,

		/** The payment service gave up. */
		FAILED

	}

}
