package com.example.platform.order.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.support.retry.RetryPolicy;
import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderLines;
import com.example.platform.order.reconciliation.OrderReconciler;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.OrderStatus;
import com.example.platform.order.catalog.ProductRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order saga against the stubs generated from the user and payment services'
 * contracts: if a provider changes what this service relies on, its contracts change, and
 * these tests fail.
 */
class OrderSagaContractIT extends WithProviderStubs {

	/**
	 * Payment ids the payment service's stubs answer with (the contracts' consumer
	 * values).
	 */
	static final String APPROVED_PAYMENT = "3b9f6c1e-7d2a-4c55-9e0f-5a1b2c3d4e5f";

	static final String LISTED_PAYMENT = "7d5b0e7e-ffff-4000-8000-000000000003";

	static final String REFUND = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

	@Autowired
	OrderRepository orders;

	@Autowired
	ProductRepository products;

	@Autowired
	OrderReconciler reconciler;

	@Test
	void placesAnOrderThePaymentServiceApproves() {
		Map<String, Object> order = place(ProviderStubs.KNOWN_USER, UUID.randomUUID().toString(), "tok_visa")
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(order).containsEntry("status", "PAID").containsEntry("paymentId", APPROVED_PAYMENT);
		assertThat(order.get("total")).isEqualTo(Map.of("amount", 2 * 2490 + 900, "currency", "EUR"));
	}

	@Test
	void recordsADeclineWithItsCode() {
		place(ProviderStubs.KNOWN_USER, UUID.randomUUID().toString(), "tok_chargeDeclined").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAYMENT_DECLINED")
			.jsonPath("$.declineCode")
			.isEqualTo("card_declined");
	}

	@Test
	void refusesACustomerTheUserServiceDoesNotKnowAndStoresNothing() {
		place(ProviderStubs.UNKNOWN_USER, UUID.randomUUID().toString(), "tok_visa").expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://platform.example/problems/unknown-user");
		assertThat(this.orders.findByUserNewestFirst(UUID.fromString(ProviderStubs.UNKNOWN_USER),
				org.springframework.data.domain.Pageable.unpaged()))
			.isEmpty();
	}

	@Test
	void answersAReplayWithTheFirstAnswerAndChargesOnce() {
		String key = UUID.randomUUID().toString();
		String first = place(ProviderStubs.KNOWN_USER, key, "tok_visa").expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String orderId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(first).get("id").asString();
		String second = place(ProviderStubs.KNOWN_USER, key, "tok_visa").expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/orders/" + orderId)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(second).isEqualTo(first);
		assertThat(chargesFor(orderId)).isEqualTo(1);
		place(ProviderStubs.KNOWN_USER, key, "tok_chargeDeclined").expectStatus()
			.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void cancelsAPaidOrderWithAFullRefund() {
		String orderId = place(ProviderStubs.KNOWN_USER, UUID.randomUUID().toString(), "tok_visa").expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString();
		for (int attempt = 0; attempt < 2; attempt++) {
			this.client.post()
				.uri("/api/orders/{id}/cancel", orderId)
				.header("Authorization", "Bearer " + token(ProviderStubs.KNOWN_USER))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("CANCELLED")
				.jsonPath("$.refundId")
				.isEqualTo(REFUND);
		}
	}

	@Test
	void answersAcceptedWhileThePaymentIsPendingAndReconciliationCompletesIt() {
		Map<String, Object> order = place(ProviderStubs.KNOWN_USER, UUID.randomUUID().toString(), "tok_timeout")
			.expectStatus()
			.isAccepted()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(order).containsEntry("status", "PAYMENT_PENDING");
		UUID id = UUID.fromString(order.get("id").toString());
		this.orders.findById(id).ifPresent(pending -> {
			pending.reconcileAgainAt(Instant.now().minusSeconds(1));
			this.orders.save(pending);
		});

		this.reconciler.reconcileDue();

		// The payment service now reports the order's payment approved: paid, without a
		// new charge.
		assertThat(this.orders.findById(id).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(chargesFor(id.toString())).isEqualTo(1);
	}

	@Test
	void reconcilesAPendingOrderFromThePaymentServicesAnswer() {
		Order pending = this.orders.save(Order.place(UUID.fromString(ProviderStubs.KNOWN_USER),
				List.of(OrderLines.of(this.products.findById("ESPRESSO-CUP").orElseThrow(), 1)), "EUR", "tok_visa",
				Instant.now().minus(Duration.ofMinutes(5)),
				RetryPolicy.unbounded(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5))));

		assertThat(this.reconciler.reconcileDue()).isPositive();

		Order reconciled = this.orders.findById(pending.getId()).orElseThrow();
		assertThat(reconciled.getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(reconciled.getPaymentId()).hasToString(LISTED_PAYMENT);
		assertThat(reconciled.getReconcileAfter()).isNull();
	}

}
