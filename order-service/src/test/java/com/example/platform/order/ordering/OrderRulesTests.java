package com.example.platform.order.ordering;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.OrderRules.RequestedLine;
import com.example.platform.order.catalog.Money;
import com.example.platform.order.catalog.Product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderRulesTests {

	private final Map<String, Product> priceList = Map.of(Orders.BEANS.getSku(), Orders.BEANS, Orders.CUP.getSku(),
			Orders.CUP, Orders.TEA.getSku(), Orders.TEA, Orders.RETIRED.getSku(), Orders.RETIRED);

	@Test
	void pricesLinesFromThePriceList() {
		OrderRules.PricedLines priced = OrderRules.price(
				List.of(new RequestedLine("COFFEE-BEANS-1KG", 3), new RequestedLine("ESPRESSO-CUP", 2)),
				this.priceList);
		assertThat(priced.currency()).isEqualTo("EUR");
		assertThat(priced.lines()).extracting(line -> line.total("EUR"))
			.containsExactly(new Money(7470, "EUR"), new Money(1800, "EUR"));
	}

	@Test
	void refusesNoLinesAndTooManyLines() {
		assertThatExceptionOfType(InvalidOrderException.class)
			.isThrownBy(() -> OrderRules.price(List.of(), this.priceList))
			.satisfies(ex -> assertThat(ex.getViolations()).extracting(OrderRules.Violation::field)
				.containsExactly("items"));
		List<RequestedLine> fiftyOne = Collections.nCopies(51, new RequestedLine("ESPRESSO-CUP", 1));
		assertThatExceptionOfType(InvalidOrderException.class)
			.isThrownBy(() -> OrderRules.price(fiftyOne, this.priceList));
		assertThat(
				OrderRules.price(Collections.nCopies(50, new RequestedLine("ESPRESSO-CUP", 1)), this.priceList).lines())
			.hasSize(50);
	}

	@Test
	void refusesQuantitiesOutsideOneToAHundred() {
		for (int quantity : new int[] { 0, -1, 101, Integer.MAX_VALUE }) {
			assertThatExceptionOfType(InvalidOrderException.class)
				.isThrownBy(
						() -> OrderRules.price(List.of(new RequestedLine("ESPRESSO-CUP", quantity)), this.priceList))
				.satisfies(ex -> assertThat(ex.getViolations()).extracting(OrderRules.Violation::field)
					.containsExactly("items[0].quantity"));
		}
	}

	@Test
	void acceptsQuantitiesFromOneToAHundred() {
		assertThat(OrderRules
			.price(List.of(new RequestedLine("ESPRESSO-CUP", 1), new RequestedLine("COFFEE-BEANS-1KG", 100)),
					this.priceList)
			.lines()).extracting(OrderLine::getQuantity).containsExactly(1, 100);
	}

	@Test
	void namesEveryUnknownOrRetiredProduct() {
		assertThatExceptionOfType(UnorderableItemsException.class)
			.isThrownBy(() -> OrderRules.price(List.of(new RequestedLine("ESPRESSO-CUP", 1),
					new RequestedLine("NO-SUCH-THING", 1), new RequestedLine("FILTER-PAPERS", 1)), this.priceList))
			.satisfies(ex -> assertThat(ex.getViolations()).containsExactly(
					new OrderRules.Violation("items[1].sku", "is not a known product"),
					new OrderRules.Violation("items[2].sku", "is no longer sold")));
	}

	@Test
	void refusesMixedCurrencies() {
		assertThatExceptionOfType(UnorderableItemsException.class)
			.isThrownBy(() -> OrderRules.price(
					List.of(new RequestedLine("ESPRESSO-CUP", 1), new RequestedLine("TEA-SAMPLER", 1)), this.priceList))
			.withMessageContaining("EUR, USD");
	}

	@Test
	void neverOverflowsSilently() {
		Money huge = new Money(Long.MAX_VALUE / 2, "EUR");
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> huge.times(3));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> huge.plus(new Money(1, "USD")));
	}

}
