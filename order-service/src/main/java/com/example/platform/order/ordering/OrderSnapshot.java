package com.example.platform.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.platform.order.catalog.Money;

/**
 * An order as it stood when it was read or answered: what the API shows, and what a
 * replayed order request answers again.
 *
 * @param id the order id
 * @param userId the customer
 * @param status where it stands
 * @param lines its lines with the prices they were sold at
 * @param total the sum of the lines
 * @param paymentMethod the payment method charged
 * @param paymentId the payment, once the payment service has one
 * @param declineCode why the payment was declined
 * @param refundId the refund of a cancelled paid order
 * @param createdAt when it was placed
 * @param updatedAt when its status last changed
 */
public record OrderSnapshot(UUID id, UUID userId, OrderStatus status, List<Line> lines, Money total,
		String paymentMethod, UUID paymentId, String declineCode, UUID refundId, Instant createdAt, Instant updatedAt) {

	/**
	 * One line.
	 *
	 * @param sku the product
	 * @param name its name when sold
	 * @param quantity how many
	 * @param unitPrice the price of one, when sold
	 * @param lineTotal unit price times quantity
	 */
	public record Line(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {
	}

}
