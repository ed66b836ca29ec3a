package com.example.platform.payment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/payments/{id}/refunds}.
 *
 * @param amount how much to refund, in the payment's currency
 */
record CreateRefundRequest(@NotNull @Valid MoneyBody amount) {
}
