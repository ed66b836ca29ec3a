package com.example.platform.payment.payments;

import java.util.regex.Pattern;

/**
 * An amount of money in minor units (cents, pence, yen) of an ISO 4217 currency. Never a
 * floating-point number.
 *
 * @param amount the amount in minor units, greater than zero
 * @param currency the ISO 4217 alphabetic code, e.g. {@code EUR}
 */
public record Money(long amount, String currency) {

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	public Money {
		if (amount <= 0) {
			throw new IllegalArgumentException("An amount of money must be greater than zero");
		}
		if (currency == null || !CURRENCY.matcher(currency).matches()) {
			throw new IllegalArgumentException("A currency is three upper-case letters (ISO 4217)");
		}
	}

}
