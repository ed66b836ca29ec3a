package com.example.platform.payment.payments;

import java.util.Set;

/**
 * A currency the platform does not take.
 */
public class UnsupportedCurrencyException extends RuntimeException {

	public UnsupportedCurrencyException(Set<String> accepted) {
		super("must be one of " + accepted.stream().sorted().toList());
	}

}
