package com.example.platform.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.platform.order.catalog.Money;

/**
 * An order was placed (stored, waiting for its payment).
 *
 * @param eventId the event's id
 * @param type always {@value #TYPE}
 * @param version the schema version, {@value #VERSION}
 * @param occurredAt when the order was placed
 * @param aggregateId the order id
 * @param payload the order as placed
 */
public record OrderPlaced(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
		Payload payload) implements OrderEvent {

	static final String TYPE = "OrderPlaced";

	static final int VERSION = 1;

	static OrderPlaced of(Order order) {
		return new OrderPlaced(UUID.randomUUID(), TYPE, VERSION, order.getCreatedAt(), order.getId().toString(),
				new Payload(order.getId(), order.getUserId(), order.getTotal(),
						order.getLines().stream().map(line -> new Line(line.getSku(), line.getQuantity())).toList(),
						order.getCreatedAt()));
	}

	/**
	 * @param orderId the order
	 * @param userId the customer
	 * @param total the order's total, in minor units of its ISO 4217 currency
	 * @param lines what was ordered, in the order's line order
	 * @param placedAt when it was placed
	 */
	public record Payload(UUID orderId, UUID userId, Money total, List<Line> lines, Instant placedAt) {
	}

	/**
	 * @param sku the product
	 * @param quantity how many
	 */
	public record Line(String sku, int quantity) {
	}

}
