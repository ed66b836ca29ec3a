package com.example.platform.order.ordering;

import com.example.platform.order.catalog.Product;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an order request must be, and how it is priced: 1 to {@value #MAX_LINES} lines,
 * each of a known, active product in quantity 1 to {@value #MAX_QUANTITY}, all in one
 * currency. Prices come from the price list only.
 */
public final class OrderRules {

	/** Most lines in one order. */
	public static final int MAX_LINES = 50;

	/** Most units of one line. */
	public static final int MAX_QUANTITY = 100;

	private OrderRules() {
	}

	/**
	 * Checks and prices the requested lines.
	 * @param requested the lines as asked for
	 * @param products the price list entries for the requested skus (missing ones are
	 * unknown)
	 * @return the priced lines and their currency
	 * @throws InvalidOrderException when the request's shape is wrong
	 * @throws UnorderableItemsException when a product is unknown, inactive, or
	 * currencies mix
	 */
	public static PricedLines price(List<RequestedLine> requested, Map<String, Product> products) {
		List<Violation> shape = new ArrayList<>();
		if (requested.isEmpty() || requested.size() > MAX_LINES) {
			shape.add(new Violation("items", "must have between 1 and " + MAX_LINES + " lines"));
		}
		for (int i = 0; i < requested.size(); i++) {
			int quantity = requested.get(i).quantity();
			if (quantity < 1 || quantity > MAX_QUANTITY) {
				shape.add(new Violation("items[" + i + "].quantity", "must be between 1 and " + MAX_QUANTITY));
			}
		}
		if (!shape.isEmpty()) {
			throw new InvalidOrderException(shape);
		}
		List<Violation> unorderable = new ArrayList<>();
		List<OrderLine> lines = new ArrayList<>();
		Set<String> currencies = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			RequestedLine line = requested.get(i);
			Product product = products.get(line.sku());
			if (product == null) {
				unorderable.add(new Violation("items[" + i + "].sku", "is not a known product"));
			}
			else if (!product.isActive()) {
				unorderable.add(new Violation("items[" + i + "].sku", "is no longer sold"));
			}
			else {
				currencies.add(product.getUnitPrice().currency());
				lines.add(new OrderLine(product, line.quantity()));
			}
		}
		if (!unorderable.isEmpty()) {
			throw new UnorderableItemsException("Some items cannot be ordered.", unorderable);
		}
		if (currencies.size() > 1) {
			throw new UnorderableItemsException("An order is paid in one currency; these items are priced in "
					+ String.join(", ", currencies) + ".",
					List.of(new Violation("items", "must all be priced in the same currency")));
		}
		return new PricedLines(lines, currencies.iterator().next());
	}

	/**
	 * A line as the customer asks for it.
	 *
	 * @param sku the product
	 * @param quantity how many
	 */
	public record RequestedLine(String sku, int quantity) {
	}

	/**
	 * Priced lines.
	 *
	 * @param lines the lines with their unit prices
	 * @param currency the one currency they are in
	 */
	public record PricedLines(List<OrderLine> lines, String currency) {
	}

	/**
	 * What is wrong with one field of the request.
	 *
	 * @param field the field's path, e.g. {@code items[2].sku}
	 * @param message what is wrong
	 */
	public record Violation(String field, String message) {
	}

}
