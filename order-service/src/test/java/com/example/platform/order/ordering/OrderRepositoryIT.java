package com.example.platform.order.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.catalog.Money;
import com.example.platform.order.catalog.Product;
import com.example.platform.order.catalog.ProductRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Orders round-trip through the real schema, and a customer sees only their own, newest
 * first.
 */
@OrderServiceIntegrationTest
class OrderRepositoryIT {

	@Autowired
	OrderRepository orders;

	@Autowired
	ProductRepository products;

	@Test
	void seedsTheActivePriceList() {
		assertThat(this.products.findActive()).extracting(Product::getSku)
			.contains("COFFEE-BEANS-1KG", "ESPRESSO-CUP")
			.doesNotContain("FILTER-PAPERS");
	}

	@Test
	void findsTheProductsOfAnOrderBySkuAndIgnoresUnknownOnes() {
		assertThat(this.products.findBySkus(new String[] { "ESPRESSO-CUP", "NO-SUCH-SKU", "COFFEE-BEANS-1KG" }))
			.extracting(Product::getSku)
			.containsExactlyInAnyOrder("ESPRESSO-CUP", "COFFEE-BEANS-1KG");
		assertThat(this.products.findBySkus(new String[0])).isEmpty();
	}

	@Test
	void storesLinesAndMoneyExactly() {
		Product beans = this.products.findById("COFFEE-BEANS-1KG").orElseThrow();
		Order order = this.orders.save(Order.place(UUID.randomUUID(), List.of(new OrderLine(beans, 3)), "EUR",
				"tok_visa", Orders.PLACED_AT, Orders.RECONCILIATION));

		Order reloaded = this.orders.findById(order.getId()).orElseThrow();
		assertThat(reloaded.getTotal()).isEqualTo(new Money(7470, "EUR"));
		assertThat(reloaded.getLines()).singleElement().satisfies(line -> {
			assertThat(line.getSku()).isEqualTo("COFFEE-BEANS-1KG");
			assertThat(line.getQuantity()).isEqualTo(3);
		});
		assertThat(reloaded.getCreatedAt()).isEqualTo(Orders.PLACED_AT);
	}

	@Test
	void keepsTheLinesInTheirOrder() {
		Order order = this.orders.save(Orders.pending());

		assertThat(this.orders.findById(order.getId()).orElseThrow().getLines())
			.extracting(OrderLine::getSku, OrderLine::getProductName, OrderLine::getQuantity,
					OrderLine::getUnitPriceAmount)
			.containsExactly(tuple("COFFEE-BEANS-1KG", "Coffee beans, 1 kg", 2, 2490L),
					tuple("ESPRESSO-CUP", "Espresso cup", 1, 900L));
	}

	@Test
	void storesEveryChangeOfTheOrderAndItsReconciliation() {
		Order order = this.orders.save(Orders.pending());
		Instant later = Orders.PLACED_AT.plusSeconds(7);
		PaymentResult pending = Orders.pendingPayment();
		order.applyPayment(pending, later);
		order.reconcileLater("payment PENDING", later, Orders.RECONCILIATION);
		this.orders.save(order);

		Order reloaded = this.orders.findById(order.getId()).orElseThrow();
		assertThat(reloaded.getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
		assertThat(reloaded.getPaymentId()).isEqualTo(pending.paymentId());
		assertThat(reloaded.getReconcileAfter()).isEqualTo(order.getReconcileAfter());
		assertThat(reloaded.stored()).isEqualTo(order.stored());

		PaymentResult declinedPayment = Orders.declined();
		reloaded.applyPayment(declinedPayment, later.plusSeconds(1));
		this.orders.save(reloaded);
		Order declined = this.orders.findById(order.getId()).orElseThrow();
		assertThat(declined.getStatus()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
		assertThat(declined.getDeclineCode()).isEqualTo("card_declined");
		assertThat(declined.getPaymentId()).isEqualTo(declinedPayment.paymentId());
		assertThat(declined.getReconcileAfter()).as("settled: nothing left to reconcile").isNull();
		assertThat(declined.getUpdatedAt()).isEqualTo(later.plusSeconds(1));
	}

	@Test
	void refusesToOverwriteAChangeMadeSinceTheOrderWasRead() {
		Order order = this.orders.save(Orders.pending());
		Order mine = this.orders.findById(order.getId()).orElseThrow();
		Order theirs = this.orders.findById(order.getId()).orElseThrow();
		theirs.applyPayment(Orders.approved(), Orders.PLACED_AT.plusSeconds(1));
		this.orders.save(theirs);

		mine.requestCancellation(Orders.PLACED_AT.plusSeconds(2));
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.orders.save(mine));
		assertThat(this.orders.findById(order.getId()).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void pagesACustomersOrdersNewestFirstAndHidesOthers() {
		Product cup = this.products.findById("ESPRESSO-CUP").orElseThrow();
		UUID customer = UUID.randomUUID();
		List<Order> placed = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(this.orders.save(Order.place(customer, List.of(new OrderLine(cup, 1)), "EUR", "tok_visa",
					Orders.PLACED_AT.plusSeconds(i), Orders.RECONCILIATION)));
		}
		Order someoneElses = this.orders.save(Orders.pending());

		Page<Order> first = this.orders.findByUserNewestFirst(customer, PageRequest.of(0, 2));
		Page<Order> last = this.orders.findByUserNewestFirst(customer, PageRequest.of(2, 2));

		assertThat(first.getTotalElements()).isEqualTo(5);
		assertThat(first.getContent()).extracting(Order::getId)
			.containsExactly(placed.get(4).getId(), placed.get(3).getId());
		assertThat(last.getContent()).extracting(Order::getId).containsExactly(placed.get(0).getId());
		assertThat(this.orders.findByIdAndUserId(someoneElses.getId(), customer)).isEmpty();
		assertThat(this.orders.findByIdAndUserId(placed.get(0).getId(), customer)).isPresent();
	}

}
