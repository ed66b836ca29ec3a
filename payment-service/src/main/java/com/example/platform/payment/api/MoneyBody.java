package com.example.platform.payment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import com.example.platform.payment.payments.Money;

/**
 * Money on the wire: {@code {"amount": <minor units>, "currency": "<ISO 4217>"}}.
 *
 * @param amount whole minor units, greater than zero (a fraction is refused)
 * @param currency three upper-case letters, from the accepted list
 */
record MoneyBody(@NotNull @Positive @Max(MoneyBody.MAX_AMOUNT) Long amount,
		@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

	/** A trillion minor units: far above any real payment, far below overflow. */
	static final long MAX_AMOUNT = 1_000_000_000_000L;

	Money toMoney() {
		return new Money(this.amount, this.currency);
	}

	static MoneyBody from(Money money) {
		return new MoneyBody(money.amount(), money.currency());
	}

}
