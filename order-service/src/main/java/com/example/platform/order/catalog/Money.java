package com.example.platform.order.catalog;

import java.util.Currency;

/**
 * An exact amount of money: minor units (cents for EUR, yen for JPY) and an ISO 4217
 * currency. Never floating point.
 *
 * @param amount the amount in minor units
 * @param currency the ISO 4217 code
 */
public record Money(long amount, String currency) {

	public Money {
		Currency.getInstance(currency); // rejects codes that are not ISO 4217
	}

	/**
	 * @param factor how many times
	 * @return this amount times {@code factor}, failing rather than overflowing
	 */
	public Money times(int factor) {
		return new Money(Math.multiplyExact(this.amount, factor), this.currency);
	}

	/**
	 * @param other an amount in the same currency
	 * @return the sum, failing rather than overflowing
	 */
	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(Math.addExact(this.amount, other.amount), this.currency);
	}

}
