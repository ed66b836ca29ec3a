package com.example.platform.order.api;

import com.example.platform.order.catalog.Money;

/**
 * Money on the wire: minor units and an ISO 4217 code.
 *
 * @param amount minor units
 * @param currency ISO 4217 code
 */
record MoneyBody(long amount, String currency) {

	static MoneyBody from(Money money) {
		return new MoneyBody(money.amount(), money.currency());
	}

}
