package com.example.platform.order.catalog;

/**
 * An item of the price list the order service owns. Prices are always taken from here,
 * never from a client.
 */
public class Product {

	private final String sku;

	private final String name;

	private final long unitPrice;

	private final String currency;

	private final boolean active;

	/**
	 * @param sku the stock keeping unit
	 * @param name the display name
	 * @param unitPrice the price of one unit
	 * @param active whether it can be ordered
	 */
	public Product(String sku, String name, Money unitPrice, boolean active) {
		this.sku = sku;
		this.name = name;
		this.unitPrice = unitPrice.amount();
		this.currency = unitPrice.currency();
		this.active = active;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public Money getUnitPrice() {
		return new Money(this.unitPrice, this.currency);
	}

	public boolean isActive() {
		return this.active;
	}

}
