package com.example.platform.order.contract;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.OrderStatus;
import com.example.platform.order.ordering.Orders;
import com.example.platform.testing.contract.KafkaContractMessaging;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.contract.stubrunner.StubTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service's {@code PaymentSettled} events as its messaging contracts promise
 * them: the stub runner sends each contract's message to the real broker and the
 * service's own listener applies it. If the payment service changes what it publishes,
 * its contracts change and these tests fail.
 */
@KafkaContractMessaging
class PaymentEventsContractIT extends WithProviderStubs {

	/** The orders the contracts' events name. */
	static final UUID APPROVED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000001");

	static final UUID DECLINED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000002");

	/** The payment ids the contracts' events carry (their consumer values). */
	static final String APPROVED_PAYMENT = "4c0ffee0-0000-4000-8000-0000000000a1";

	static final String DECLINED_PAYMENT = "4c0ffee0-0000-4000-8000-0000000000d2";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	StubTrigger stubs;

	@Autowired
	OrderRepository orders;

	@Test
	void anApprovedPaymentPaysTheOrder() {
		this.orders.save(Orders.pending(APPROVED_ORDER));

		assertThat(this.stubs.trigger("payment_settled_approved")).isTrue();

		Order paid = await().atMost(WAIT)
			.until(() -> stored(APPROVED_ORDER), order -> order.getStatus() != OrderStatus.PAYMENT_PENDING);
		assertThat(paid.getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.getPaymentId()).hasToString(APPROVED_PAYMENT);
	}

	@Test
	void aDeclinedPaymentDeclinesTheOrderWithTheCode() {
		this.orders.save(Orders.pending(DECLINED_ORDER));

		assertThat(this.stubs.trigger("payment_settled_declined")).isTrue();

		Order declined = await().atMost(WAIT)
			.until(() -> stored(DECLINED_ORDER), order -> order.getStatus() != OrderStatus.PAYMENT_PENDING);
		assertThat(declined.getStatus()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
		assertThat(declined.getPaymentId()).hasToString(DECLINED_PAYMENT);
		assertThat(declined.getDeclineCode()).isEqualTo("card_declined");
	}

	private Order stored(UUID id) {
		return this.orders.findById(id).orElseThrow();
	}

}
