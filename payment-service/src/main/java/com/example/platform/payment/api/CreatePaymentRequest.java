package com.example.platform.payment.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.example.platform.payment.payments.NewPayment;

/**
 * Body of {@code POST /api/payments}.
 *
 * @param orderId the order paid for
 * @param userId the customer (the owner who may read the payment)
 * @param amount how much
 * @param paymentMethod the customer's payment method token at the provider, e.g.
 * {@code tok_visa}
 */
record CreatePaymentRequest(@NotNull UUID orderId, @NotNull UUID userId, @NotNull @Valid MoneyBody amount,
		@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]*",
				message = "must contain only letters, digits, '_' and '-'") String paymentMethod) {

	NewPayment toNewPayment() {
		return new NewPayment(this.orderId, this.userId, this.amount.toMoney(), this.paymentMethod);
	}

}
