package com.example.platform.order.ordering;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.catalog.Money;
import com.example.platform.order.catalog.Product;
import com.example.platform.order.catalog.ProductRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(this.products.findByActiveTrueOrderBySku()).extracting(Product::getSku)
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
		Order order = this.orders.saveAndFlush(Order.place(UUID.randomUUID(), List.of(new OrderLine(beans, 3)), "EUR",
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
	void pagesACustomersOrdersNewestFirstAndHidesOthers() {
		Product cup = this.products.findById("ESPRESSO-CUP").orElseThrow();
		UUID customer = UUID.randomUUID();
		List<Order> placed = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(this.orders.saveAndFlush(Order.place(customer, List.of(new OrderLine(cup, 1)), "EUR", "tok_visa",
					Orders.PLACED_AT.plusSeconds(i), Orders.RECONCILIATION)));
		}
		Order someoneElses = this.orders.saveAndFlush(Orders.pending());

		Page<Order> first = this.orders.findByUserIdOrderByCreatedAtDescIdDesc(customer, PageRequest.of(0, 2));
		Page<Order> last = this.orders.findByUserIdOrderByCreatedAtDescIdDesc(customer, PageRequest.of(2, 2));

		assertThat(first.getTotalElements()).isEqualTo(5);
		assertThat(first.getContent()).extracting(Order::getId)
			.containsExactly(placed.get(4).getId(), placed.get(3).getId());
		assertThat(last.getContent()).extracting(Order::getId).containsExactly(placed.get(0).getId());
		assertThat(this.orders.findByIdAndUserId(someoneElses.getId(), customer)).isEmpty();
		assertThat(this.orders.findByIdAndUserId(placed.get(0).getId(), customer)).isPresent();
	}

}
