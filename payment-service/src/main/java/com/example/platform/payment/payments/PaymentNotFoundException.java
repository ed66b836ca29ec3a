package com.example.platform.payment.payments;

/**
 * No such payment, or not one the caller may see (the two are indistinguishable on
 * purpose).
 */
public class PaymentNotFoundException extends RuntimeException {

	public PaymentNotFoundException() {
		super("No payment with this id.");
	}

	public PaymentNotFoundException(String message) {
		super(message);
	}

}
