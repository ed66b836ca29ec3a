package com.example.platform.order.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.example.platform.order.ordering.OrderRules;
import com.example.platform.support.validation.NoControlCharacters;

/**
 * Body of {@code POST /api/orders}. No prices and no user: prices come from the price
 * list, the user from the token.
 *
 * @param items 1 to 50 lines
 * @param paymentMethod the payment method token to charge (e.g. {@code tok_visa})
 */
record PlaceOrderRequest(@NotNull @Size(min = 1, max = OrderRules.MAX_LINES) List<@NotNull @Valid Item> items,
		@NotBlank @Size(max = 255) @NoControlCharacters String paymentMethod) {

	List<OrderRules.RequestedLine> lines() {
		return this.items.stream().map(item -> new OrderRules.RequestedLine(item.sku(), item.quantity())).toList();
	}

	/**
	 * One line.
	 *
	 * @param sku the product
	 * @param quantity 1 to 100
	 */
	record Item(@NotBlank @Size(max = 64) @NoControlCharacters String sku,
			@NotNull @Min(1) @Max(OrderRules.MAX_QUANTITY) Integer quantity) {
	}

}
