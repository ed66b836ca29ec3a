package com.example.platform.order.ordering;

import java.util.UUID;

/**
 * What the payment service says about a refund.
 *
 * @param refundId the refund's id
 * @param state where it stands
 */
public record RefundResult(UUID refundId, State state) {

	/** Refund states as this service understands them. */
	public enum State {

		/** Money returned. */
		SUCCEEDED,

		/** Outcome not known yet. */
		PENDING,

		/** The provider refused. */
		FAILED

	}

}
