package com.example.platform.order.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An item of the price list the order service owns. Prices are always taken from here,
 * never from a client.
 */
@Entity
@Table(name = "product")
public class Product {

	@Id
	private String sku;

	@Column(nullable = false)
	private String name;

	@Column(name = "unit_price", nullable = false)
	private long unitPrice;

	@Column(nullable = false)
	private String currency;

	@Column(nullable = false)
	private boolean active;

	protected Product() {
		// for JPA
	}

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
