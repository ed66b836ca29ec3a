package com.example.platform.order.ordering;

import com.example.platform.order.catalog.Money;
import com.example.platform.order.catalog.Product;
import com.example.platform.support.retry.RetryPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test data: products and orders in the states tests need.
 */
public final class Orders {

	/** Reconciliation after 30 s, then from 5 s doubling up to 5 min. */
	public static final RetryPolicy RECONCILIATION = RetryPolicy.unbounded(Duration.ofSeconds(30),
			Duration.ofSeconds(5), Duration.ofMinutes(5));

	public static final Instant PLACED_AT = Instant.parse("2026-05-01T10:00:00Z");

	public static final Product BEANS = new Product("COFFEE-BEANS-1KG", "Coffee beans, 1 kg", new Money(2490, "EUR"),
			true);

	public static final Product CUP = new Product("ESPRESSO-CUP", "Espresso cup", new Money(900, "EUR"), true);

	public static final Product TEA = new Product("TEA-SAMPLER", "Tea sampler", new Money(1500, "USD"), true);

	public static final Product RETIRED = new Product("FILTER-PAPERS", "Filter papers", new Money(350, "EUR"), false);

	private Orders() {
	}

	/**
	 * @return two beans and one cup for a new user, waiting for payment (total 58.80 EUR)
	 */
	public static Order pending() {
		return Order.place(UUID.randomUUID(), List.of(new OrderLine(BEANS, 2), new OrderLine(CUP, 1)), "EUR",
				"tok_visa", PLACED_AT, RECONCILIATION);
	}

	/**
	 * @param id the id it is stored with
	 * @return {@link #pending()}, with a given id (one a contract names)
	 */
	public static Order pending(UUID id) {
		Order order = pending();
		Order.Stored row = order.stored();
		return Order.restore(new Order.Stored(id, row.userId(), row.status(), row.currency(), row.totalAmount(),
				row.paymentMethod(), row.paymentId(), row.declineCode(), row.refundId(), row.createdAt(),
				row.updatedAt(), row.reconcileAttempts(), row.reconcileAfter(), row.reconcileFailure(), null),
				order.getLines());
	}

	/**
	 * @return a paid order
	 */
	public static Order paid() {
		Order order = pending();
		order.applyPayment(approved(), PLACED_AT.plusSeconds(1));
		return order;
	}

	/**
	 * @return a paid order whose cancellation awaits the refund of its payment
	 */
	public static Order cancelling() {
		return cancelling(UUID.randomUUID(), UUID.randomUUID());
	}

	/**
	 * @param id the id it is stored with
	 * @param paymentId the id of its approved payment (ones a contract names)
	 * @return a paid order whose cancellation awaits the refund of that payment
	 */
	public static Order cancelling(UUID id, UUID paymentId) {
		Order order = pending(id);
		order.applyPayment(new PaymentResult(paymentId, PaymentResult.State.APPROVED, null), PLACED_AT.plusSeconds(1));
		order.requestCancellation(PLACED_AT.plusSeconds(2));
		return order;
	}

	public static PaymentResult approved() {
		return new PaymentResult(UUID.randomUUID(), PaymentResult.State.APPROVED, null);
	}

	public static PaymentResult declined() {
		return new PaymentResult(UUID.randomUUID(), PaymentResult.State.DECLINED, "card_declined");
	}

	public static PaymentResult pendingPayment() {
		return new PaymentResult(UUID.randomUUID(), PaymentResult.State.PENDING, null);
	}

	public static PaymentResult failed() {
		return new PaymentResult(UUID.randomUUID(), PaymentResult.State.FAILED, null);
	}

}
