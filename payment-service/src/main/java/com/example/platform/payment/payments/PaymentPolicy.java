package com.example.platform.payment.payments;

import java.util.Set;

/**
 * The rules the payment use cases apply.
 *
 * @param currencies the ISO 4217 currencies accepted
 */
public record PaymentPolicy(Set<String> currencies) {

	public PaymentPolicy {
		currencies = Set.copyOf(currencies);
	}

	/**
	 * @param money an amount
	 * @throws UnsupportedCurrencyException if its currency is not accepted
	 */
	public void requireAccepted(Money money) {
		if (!this.currencies.contains(money.currency())) {
			throw new UnsupportedCurrencyException(this.currencies);
		}
	}

}
