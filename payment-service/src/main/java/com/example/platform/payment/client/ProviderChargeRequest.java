package com.example.platform.payment.client;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the provider's {@code POST /v1/charges}.
 *
 * @param amount in minor units
 * @param currency ISO 4217, lower case as the provider expects
 * @param paymentMethod the payment method token
 * @param reference our payment id
 */
record ProviderChargeRequest(long amount, String currency, @JsonProperty("payment_method") String paymentMethod,
		String reference) {
}
