package com.example.platform.order.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.OrderService;
import com.example.platform.order.ordering.SagaTimings;
import com.example.platform.support.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

class OrderReconcilerTests {

	private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

	private final ReconciliationQueue queue = mock();

	private final OrderService orders = mock();

	private final OrderReconciler reconciler = new OrderReconciler(this.queue, this.orders,
			Clock.fixed(NOW, ZoneOffset.UTC),
			new SagaTimings(RetryPolicy.unbounded(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(5)),
					Duration.ofSeconds(60)));

	@Test
	void claimsABatchForTheLeaseAndTakesEveryClaimedOrderOneStepFurther() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		given(this.queue.claim(NOW, NOW.plusSeconds(60), 50)).willReturn(List.of(first, second));

		assertThat(this.reconciler.reconcileDue()).isEqualTo(2);

		then(this.orders).should().reconcile(first);
		then(this.orders).should().reconcile(second);
	}

	@Test
	void anOrderThatFailsDoesNotStopTheOthers() {
		UUID failing = UUID.randomUUID();
		UUID next = UUID.randomUUID();
		given(this.queue.claim(NOW, NOW.plusSeconds(60), 50)).willReturn(List.of(failing, next));
		willThrow(new IllegalStateException("broken row")).given(this.orders).reconcile(failing);

		assertThat(this.reconciler.reconcileDue()).isEqualTo(2);

		then(this.orders).should().reconcile(next);
	}

	@Test
	void claimsNothingWhenNothingIsDue() {
		given(this.queue.claim(NOW, NOW.plusSeconds(60), 50)).willReturn(List.of());

		assertThat(this.reconciler.reconcileDue()).isZero();

		then(this.orders).shouldHaveNoInteractions();
	}

}
