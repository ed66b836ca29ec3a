package com.example.platform.payment.refunds;

/**
 * What the provider said about a refund, already mapped from its wire format.
 */
public sealed interface RefundOutcome {

	/**
	 * The money was refunded.
	 *
	 * @param refundId the provider's refund id
	 */
	record Succeeded(String refundId) implements RefundOutcome {
	}

	/**
	 * The provider refused the refund; nothing was refunded.
	 *
	 * @param reason what the provider said
	 */
	record Failed(String reason) implements RefundOutcome {
	}

	/**
	 * No clear answer (5xx, timeout, unreachable, unreadable, still processing); ask
	 * again later.
	 *
	 * @param reason what happened, for the record
	 */
	record Unknown(String reason) implements RefundOutcome {
	}

}
