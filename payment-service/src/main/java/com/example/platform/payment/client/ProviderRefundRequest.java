package com.example.platform.payment.client;

/**
 * Body of the provider's {@code POST /v1/refunds}.
 *
 * @param charge the provider's charge id
 * @param amount in minor units
 * @param currency ISO 4217, lower case as the provider expects
 * @param reference our refund id
 */
record ProviderRefundRequest(String charge, long amount, String currency, String reference) {
}
