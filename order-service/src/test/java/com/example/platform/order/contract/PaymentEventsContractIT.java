package com.example.platform.order.contract;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.OrderStatus;
import com.example.platform.order.ordering.Orders;
import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.contract.stubrunner.StubTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * payment-service's {@code PaymentSettled} and {@code RefundSettled} events as its
 * messaging contracts promise them: the stub runner sends each contract's message to the
 * real broker and the service's own listener applies it. If the payment service changes
 * what it publishes, its contracts change and these tests fail (with the reason the
 * listener gave when it parked the event instead of applying it).
 */
class PaymentEventsContractIT extends WithProviderStubs {

	/** The orders the contracts' events name. */
	static final UUID APPROVED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000001");

	static final UUID DECLINED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000002");

	/** The payment ids the contracts' events carry (their consumer values). */
	static final String APPROVED_PAYMENT = "4c0ffee0-0000-4000-8000-0000000000a1";

	static final String DECLINED_PAYMENT = "4c0ffee0-0000-4000-8000-0000000000d2";

	/** The cancelled orders the refund contracts' events name, and their payments. */
	static final UUID REFUNDED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000003");

	static final UUID REFUNDED_PAYMENT = UUID.fromString("4c0ffee0-0000-4000-8000-0000000000b3");

	static final UUID REFUND_REFUSED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000004");

	static final UUID REFUND_REFUSED_PAYMENT = UUID.fromString("4c0ffee0-0000-4000-8000-0000000000f4");

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	StubTrigger stubs;

	@Autowired
	OrderRepository orders;

	@Autowired
	EventTopics topics;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anApprovedPaymentPaysTheOrder() {
		this.orders.save(Orders.pending(APPROVED_ORDER));

		assertThat(this.stubs.trigger("payment_settled_approved")).isTrue();

		Order paid = settled(APPROVED_ORDER);
		assertThat(paid.getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(paid.getPaymentId()).hasToString(APPROVED_PAYMENT);
	}

	@Test
	void aDeclinedPaymentDeclinesTheOrderWithTheCode() {
		this.orders.save(Orders.pending(DECLINED_ORDER));

		assertThat(this.stubs.trigger("payment_settled_declined")).isTrue();

		Order declined = settled(DECLINED_ORDER);
		assertThat(declined.getStatus()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
		assertThat(declined.getPaymentId()).hasToString(DECLINED_PAYMENT);
		assertThat(declined.getDeclineCode()).isEqualTo("card_declined");
	}

	@Test
	void aSucceededRefundCompletesTheCancellation() {
		this.orders.save(Orders.cancelling(REFUNDED_ORDER, REFUNDED_PAYMENT));

		assertThat(this.stubs.trigger("refund_settled_succeeded")).isTrue();

		Order cancelled = applied(REFUNDED_ORDER, order -> order.getStatus() != OrderStatus.CANCELLATION_PENDING);
		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.getRefundId()).hasToString("9c8b7a6d-0000-4000-8000-0000000000b3");
	}

	@Test
	void aRefusedRefundLeavesTheCancellationPendingForAnOperator() {
		this.orders.save(Orders.cancelling(REFUND_REFUSED_ORDER, REFUND_REFUSED_PAYMENT));

		assertThat(this.stubs.trigger("refund_settled_failed")).isTrue();

		Order pending = applied(REFUND_REFUSED_ORDER, order -> order.getRefundId() != null);
		assertThat(pending.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(pending.getRefundId()).hasToString("9c8b7a6d-0000-4000-8000-0000000000f4");
		assertThat(pending.stored().reconcileFailure()).contains("refused by the provider");
	}

	/**
	 * Waits until the order is no longer pending; fails at once if its event was parked.
	 */
	private Order settled(UUID id) {
		return applied(id, order -> order.getStatus() != OrderStatus.PAYMENT_PENDING);
	}

	/**
	 * Waits until the order shows its event's effect; fails at once if the event was
	 * parked.
	 */
	private Order applied(UUID id, Predicate<Order> effect) {
		String deadLetters = this.topics.deadLetterTopic(this.topics.name("payments.v1"));
		try (TopicRecords parked = TopicRecords.of(this.bootstrapServers, deadLetters)) {
			return await().atMost(WAIT)
				.failFast("The event for order " + id + " was parked on " + deadLetters,
						() -> assertThat(parked.seen())
							.filteredOn(record -> TopicRecords.text(record).contains(id.toString()))
							.extracting(TopicRecords::deadLetterReason)
							.isEmpty())
				.until(() -> this.orders.findById(id).orElseThrow(), effect::test);
		}
	}

}
