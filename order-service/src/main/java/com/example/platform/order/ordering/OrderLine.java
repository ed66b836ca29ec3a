package com.example.platform.order.ordering;

import com.example.platform.order.catalog.Money;
import com.example.platform.order.catalog.Product;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of an order, priced from the price list when the order was placed.
 */
@Embeddable
public class OrderLine {

	@Column(nullable = false)
	private String sku;

	@Column(name = "product_name", nullable = false)
	private String productName;

	@Column(nullable = false)
	private int quantity;

	@Column(name = "unit_price", nullable = false)
	private long unitPrice;

	protected OrderLine() {
		// for JPA
	}

	OrderLine(Product product, int quantity) {
		this.sku = product.getSku();
		this.productName = product.getName();
		this.quantity = quantity;
		this.unitPrice = product.getUnitPrice().amount();
	}

	public String getSku() {
		return this.sku;
	}

	public String getProductName() {
		return this.productName;
	}

	public int getQuantity() {
		return this.quantity;
	}

	/**
	 * @param currency the order's currency
	 * @return the price of one unit
	 */
	public Money unitPrice(String currency) {
		return new Money(this.unitPrice, currency);
	}

	/**
	 * @param currency the order's currency
	 * @return unit price times quantity
	 */
	public Money total(String currency) {
		return unitPrice(currency).times(this.quantity);
	}

}
