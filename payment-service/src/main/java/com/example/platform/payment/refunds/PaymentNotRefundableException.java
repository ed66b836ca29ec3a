package com.example.platform.payment.refunds;

import com.example.platform.payment.payments.PaymentStatus;

/**
 * Only approved payments can be refunded.
 */
public class PaymentNotRefundableException extends RuntimeException {

	public PaymentNotRefundableException(PaymentStatus status) {
		super("Only an approved payment can be refunded; this one is " + status + ".");
	}

}
