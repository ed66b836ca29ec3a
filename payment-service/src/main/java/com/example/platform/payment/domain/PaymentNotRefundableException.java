package com.example.platform.payment.domain;

/**
 * Only approved payments can be refunded.
 */
public class PaymentNotRefundableException extends RuntimeException {

	public PaymentNotRefundableException(PaymentStatus status) {
		super("Only an approved payment can be refunded; this one is " + status + ".");
	}

}
