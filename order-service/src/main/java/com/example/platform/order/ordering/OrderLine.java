package com.example.platform.order.ordering;

import com.example.platform.order.catalog.Money;
import com.example.platform.order.catalog.Product;

/**
 * One line of an order, priced from the price list when the order was placed.
 */
public class OrderLine {

	private String sku;

	private String productName;

	private int quantity;

	private long unitPrice;

	private OrderLine(String sku, String productName, int quantity, long unitPrice) {
		this.sku = sku;
		this.productName = productName;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	OrderLine(Product product, int quantity) {
		this(product.getSku(), product.getName(), quantity, product.getUnitPrice().amount());
	}

	/**
	 * A line as stored, read back by the order's repository.
	 * @param sku the product
	 * @param productName its name when ordered
	 * @param quantity how many
	 * @param unitPrice price of one, in the order's currency's minor units
	 * @return the line
	 */
	public static OrderLine restore(String sku, String productName, int quantity, long unitPrice) {
		return new OrderLine(sku, productName, quantity, unitPrice);
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
	 * @return price of one unit in minor units of the order's currency
	 */
	public long getUnitPriceAmount() {
		return this.unitPrice;
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
