package com.example.platform.order.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.example.platform.order.ordering.OrderSnapshot;

/**
 * An order as the API shows it.
 *
 * @param id the order id
 * @param status where it stands
 * @param items its lines with the prices they were sold at
 * @param total the sum of the lines
 * @param paymentMethod the payment method charged
 * @param paymentId the payment, once the payment service has one
 * @param declineCode why the payment was declined
 * @param refundId the refund of a cancelled paid order
 * @param createdAt when it was placed
 * @param updatedAt when its status last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderResponse(UUID id, String status, List<Line> items, MoneyBody total, String paymentMethod, UUID paymentId,
		String declineCode, UUID refundId, Instant createdAt, Instant updatedAt) {

	static OrderResponse from(OrderSnapshot order) {
		List<Line> lines = order.lines()
			.stream()
			.map(line -> new Line(line.sku(), line.name(), line.quantity(), MoneyBody.from(line.unitPrice()),
					MoneyBody.from(line.lineTotal())))
			.toList();
		return new OrderResponse(order.id(), order.status().name(), lines, MoneyBody.from(order.total()),
				order.paymentMethod(), order.paymentId(), order.declineCode(), order.refundId(), order.createdAt(),
				order.updatedAt());
	}

	/**
	 * One line.
	 *
	 * @param sku the product
	 * @param name its name when sold
	 * @param quantity how many
	 * @param unitPrice the price of one, when sold
	 * @param lineTotal unit price times quantity
	 */
	record Line(String sku, String name, int quantity, MoneyBody unitPrice, MoneyBody lineTotal) {
	}

}
