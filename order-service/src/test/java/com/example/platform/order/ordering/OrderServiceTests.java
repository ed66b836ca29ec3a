package com.example.platform.order.ordering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.OrderRules.RequestedLine;
import com.example.platform.order.catalog.Money;
import com.example.platform.order.catalog.ProductRepository;
import com.example.platform.support.events.Outbox;
import com.example.platform.support.events.OutgoingEvent;
import com.example.platform.support.events.ProcessedEvents;
import com.example.platform.support.idempotency.Claim;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotentRequests;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import org.mockito.ArgumentCaptor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class OrderServiceTests {

	private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

	private final ProductRepository products = mock();

	private final OrderRepository orders = mock();

	private final UserDirectory users = mock();

	private final PaymentGateway payments = mock();

	private final Map<UUID, Order> stored = new HashMap<>();

	private final SagaTimings timings = new SagaTimings(Orders.RECONCILIATION, Duration.ofSeconds(60));

	private final IdempotentRequests idempotency = mock();

	private final ProcessedEvents processed = mock();

	private final Outbox outbox = mock();

	private final PlatformTransactionManager transactionManager = mock();

	private OrderService service;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final UUID userId = UUID.randomUUID();

	@BeforeEach
	void setUp() {
		given(this.products.findBySkus(any(String[].class))).willReturn(List.of(Orders.BEANS, Orders.CUP));
		given(this.orders.save(any())).willAnswer(invocation -> keep(invocation.getArgument(0)));
		given(this.orders.findById(any()))
			.willAnswer(invocation -> Optional.ofNullable(this.stored.get(invocation.<UUID>getArgument(0))));
		this.service = new OrderService(this.products, this.orders, this.users, this.payments,
				new TransactionTemplate(this.transactionManager), Clock.fixed(NOW, ZoneOffset.UTC), this.timings,
				this.idempotency, this.meters, this.processed, this.outbox);
	}

	@Test
	void placesAnOrderAndRecordsTheApprovedPayment() {
		given(this.users.exists(this.userId)).willReturn(true);
		PaymentResult approved = Orders.approved();
		given(this.payments.charge(any())).willReturn(approved);
		AtomicReference<Order> linked = new AtomicReference<>();

		Order order = place(linked);

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(this.meters.get("orders.placed").tag("outcome", "paid").counter().count()).isEqualTo(1);
		assertThat(order.getPaymentId()).isEqualTo(approved.paymentId());
		assertThat(order.getTotal()).isEqualTo(new Money(2490 * 2 + 900, "EUR"));
		assertThat(linked.get().getId()).isEqualTo(order.getId());
		then(this.payments).should().charge(any());
		then(this.orders).should(never()).findById(any());
	}

	@Test
	void storesTheOutcomeOnAFreshCopyWhenTheOrderChangedMeanwhile() {
		given(this.users.exists(this.userId)).willReturn(true);
		given(this.payments.charge(any())).willReturn(Orders.approved());
		AtomicInteger saves = new AtomicInteger();
		willAnswer(invocation -> {
			Order order = invocation.getArgument(0);
			if (saves.incrementAndGet() == 2) {
				throw new OptimisticLockingFailureException("changed since it was stored");
			}
			// What the database holds: a copy, not the caller's instance.
			this.stored.put(order.getId(), Order.restore(order.stored(), order.getLines()));
			return order;
		}).given(this.orders).save(any());

		Order order = place(new AtomicReference<>());

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.PAID);
		then(this.orders).should(times(3)).save(any());
		then(this.orders).should().findById(order.getId());
	}

	@Test
	void recordsADeclinedPaymentWithItsCode() {
		given(this.users.exists(this.userId)).willReturn(true);
		given(this.payments.charge(any())).willReturn(Orders.declined());

		Order order = place(new AtomicReference<>());

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
		assertThat(order.getDeclineCode()).isEqualTo("card_declined");
		assertThat(this.meters.get("orders.placed").tag("outcome", "declined").counter().count()).isEqualTo(1);
		then(this.transactionManager)
			.should(times(1).description(
					"the order and its key's link; the outcome, " + "which raises no event, is a single statement"))
			.getTransaction(any());
		then(this.orders).should(times(2)).save(order);
	}

	@Test
	void keepsAnOrderWhosePaymentIsStillOpenForReconciliation() {
		given(this.users.exists(this.userId)).willReturn(true);
		given(this.payments.charge(any())).willReturn(Orders.pendingPayment());

		Order order = place(new AtomicReference<>());

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
		assertThat(order.getReconcileAfter()).isEqualTo(NOW.plusSeconds(5));
		assertThat(order.stored().reconcileFailure()).isEqualTo("payment PENDING");
	}

	@Test
	void answersWithTheOrderAsItIsWhenTheCustomerCancelledItWhileItWasCharged() {
		given(this.users.exists(this.userId)).willReturn(true);
		given(this.payments.charge(any())).willReturn(Orders.approved());
		AtomicInteger saves = new AtomicInteger();
		willAnswer(invocation -> {
			Order order = invocation.getArgument(0);
			if (saves.incrementAndGet() == 2) {
				// The customer's cancellation committed between the order and its
				// outcome.
				Order cancelling = Order.restore(order.stored(), order.getLines());
				cancelling.requestCancellation(NOW);
				this.stored.put(order.getId(), cancelling);
				throw new OptimisticLockingFailureException("cancelled meanwhile");
			}
			this.stored.put(order.getId(), order);
			return order;
		}).given(this.orders).save(any());

		Order order = place(new AtomicReference<>());

		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(order.getPaymentId()).as("the charge to refund").isNotNull();
		assertThat(this.meters.get("orders.placed").counters()).as("not placed with an outcome of its own")
			.allSatisfy(counter -> assertThat(counter.count()).isZero());
	}

	@Test
	void answersARetryOfARequestThatDiedWithTheOrderItStoredCompletedIfItCanBe() {
		Order pending = keep(Orders.pending());
		PaymentResult approved = Orders.approved();
		given(this.payments.findByOrder(pending.getId())).willReturn(Optional.of(approved));
		Order declined = Orders.pending();
		declined.applyPayment(Orders.declined(), NOW);
		keep(declined);

		assertThat(retryOfRequestThatStored(pending).status()).isEqualTo(OrderStatus.PAID);
		assertThat(retryOfRequestThatStored(declined).status()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
		then(this.payments).should().findByOrder(pending.getId());
		then(this.payments).shouldHaveNoMoreInteractions();
		then(this.orders).should(times(1).description("a completed order is answered as read"))
			.findById(declined.getId());
		then(this.users).shouldHaveNoInteractions();
	}

	@Test
	void fingerprintsAPlacementByWhatIsOrderedAndHowItIsPaid() {
		IdempotencyKey key = new IdempotencyKey("key-1");
		List<RequestedLine> lines = List.of(new RequestedLine("ESPRESSO-CUP", 1));
		assertThat(OrderService.placement(this.userId, key, lines, "tok_visa"))
			.isEqualTo(
					OrderService.placement(this.userId, key, List.of(new RequestedLine("ESPRESSO-CUP", 1)), "tok_visa"))
			.isNotEqualTo(
					OrderService.placement(this.userId, key, List.of(new RequestedLine("ESPRESSO-CUP", 2)), "tok_visa"))
			.isNotEqualTo(OrderService.placement(this.userId, key, lines, "tok_mastercard"))
			.satisfies(request -> assertThat(request.scope()).isEqualTo(this.userId.toString()));
	}

	@Test
	void findsAndListsOnlyTheCallersOrders() {
		Order order = Orders.pending();
		given(this.orders.findByIdAndUserId(order.getId(), order.getUserId())).willReturn(Optional.of(order));
		given(this.orders.findByUserNewestFirst(order.getUserId(), PageRequest.of(2, 10)))
			.willReturn(new PageImpl<>(List.of(order), PageRequest.of(2, 10), 21));

		assertThat(this.service.find(order.getId(), order.getUserId())).isSameAs(order);
		assertThatExceptionOfType(OrderNotFoundException.class)
			.isThrownBy(() -> this.service.find(order.getId(), UUID.randomUUID()));
		assertThat(this.service.list(order.getUserId(), 2, 10)).containsExactly(order);
	}

	@Test
	void leavesTheOrderPendingForReconciliationWhenThePaymentOutcomeIsUnknown() {
		given(this.users.exists(this.userId)).willReturn(true);
		given(this.payments.charge(any()))
			.willThrow(new DependencyUnavailableException("payment service", new RuntimeException("timeout")));

		Order order = place(new AtomicReference<>());

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
		assertThat(order.getReconcileAfter()).isEqualTo(NOW.plusSeconds(5));
		assertThat(this.stored).containsKey(order.getId());
	}

	@Test
	void refusesAnUnknownUserBeforeStoringOrChargingAnything() {
		given(this.users.exists(this.userId)).willReturn(false);
		assertThatExceptionOfType(UnknownUserException.class).isThrownBy(() -> place(new AtomicReference<>()));
		assertThat(this.stored).isEmpty();
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void storesNothingWhenTheUserServiceIsDown() {
		given(this.users.exists(this.userId))
			.willThrow(new DependencyUnavailableException("user service", new RuntimeException("refused")));
		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> place(new AtomicReference<>()));
		assertThat(this.stored).isEmpty();
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void checksItemsBeforeAskingAnotherService() {
		given(this.idempotency.execute(any(), eq(OrderSnapshot.class), any())).willAnswer(
				invocation -> invocation.<Function<Claim, OrderSnapshot>>getArgument(2).apply(mock(Claim.class)));
		assertThatExceptionOfType(UnorderableItemsException.class).isThrownBy(() -> this.service.place(this.userId,
				new IdempotencyKey("key-1"), List.of(new RequestedLine("NOT-SOLD-HERE", 1)), "tok_visa"));
		then(this.users).shouldHaveNoInteractions();
	}

	@Test
	void reconcilesWithTheExistingPaymentWithoutChargingAgain() {
		Order order = keep(Orders.pending());
		PaymentResult approved = Orders.approved();
		given(this.payments.findByOrder(order.getId())).willReturn(Optional.of(approved));

		this.service.reconcile(order.getId());

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.PAID);
		then(this.payments).should(never()).charge(any());
	}

	@Test
	void reconcilesAChargeThatNeverArrivedByChargingWithTheOrdersKey() {
		Order order = keep(Orders.pending());
		given(this.payments.findByOrder(order.getId())).willReturn(Optional.empty());
		given(this.payments.charge(order)).willReturn(Orders.approved());

		this.service.reconcile(order.getId());

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void backsOffWhenTheChargeOfAReconciledOrderCannotBeMadeNow() {
		Order order = keep(Orders.pending());
		given(this.payments.findByOrder(order.getId())).willReturn(Optional.empty());
		given(this.payments.charge(order))
			.willThrow(new DependencyUnavailableException("payment service", new RuntimeException("timeout")));

		this.service.reconcile(order.getId());

		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
		assertThat(order.getReconcileAfter()).isEqualTo(NOW.plusSeconds(5));
		then(this.orders).should().save(order);
	}

	@Test
	void keepsAPendingOrderPendingAndBacksOffWhileThePaymentServiceIsDown() {
		Order order = keep(Orders.pending());
		given(this.payments.findByOrder(order.getId()))
			.willThrow(new DependencyUnavailableException("payment service", new RuntimeException("refused")));

		this.service.reconcile(order.getId());

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
		assertThat(this.stored.get(order.getId()).getReconcileAfter()).isEqualTo(NOW.plusSeconds(5));
		then(this.payments).should(never()).charge(any());
		then(this.orders).should().save(order);
	}

	@Test
	void cancelsAPaidOrderWithAFullRefund() {
		Order order = keep(paidBy(this.userId));
		given(this.payments.findByOrder(order.getId()))
			.willReturn(Optional.of(new PaymentResult(order.getPaymentId(), PaymentResult.State.APPROVED, null)));
		UUID refundId = UUID.randomUUID();
		given(this.payments.refundInFull(any())).willReturn(new RefundResult(refundId, RefundResult.State.SUCCEEDED));

		Order cancelled = this.service.cancel(order.getId(), this.userId);

		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.getRefundId()).isEqualTo(refundId);
	}

	@Test
	void leavesTheCancellationPendingWhenTheRefundCannotBeMadeNow() {
		Order order = keep(paidBy(this.userId));
		given(this.payments.findByOrder(order.getId()))
			.willReturn(Optional.of(new PaymentResult(order.getPaymentId(), PaymentResult.State.APPROVED, null)));
		given(this.payments.refundInFull(any()))
			.willThrow(new DependencyUnavailableException("payment service", new RuntimeException("timeout")));

		Order cancelling = this.service.cancel(order.getId(), this.userId);

		assertThat(cancelling.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(cancelling.getReconcileAfter()).isAfter(NOW);
	}

	@Test
	void aCancellationAwaitsARefundThatIsStillPending() {
		Order order = keep(paidBy(this.userId));
		given(this.payments.findByOrder(order.getId()))
			.willReturn(Optional.of(new PaymentResult(order.getPaymentId(), PaymentResult.State.APPROVED, null)));
		UUID refundId = UUID.randomUUID();
		given(this.payments.refundInFull(any())).willReturn(new RefundResult(refundId, RefundResult.State.PENDING));

		Order cancelling = this.service.cancel(order.getId(), this.userId);

		assertThat(cancelling.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(cancelling.getRefundId()).isEqualTo(refundId);
		assertThat(cancelling.getReconcileAfter()).isAfter(NOW);
		assertThat(cancelling.stored().reconcileFailure()).isEqualTo("refund " + refundId + " not settled yet");

		// The reconciler asks again with the same key and learns the refund's outcome.
		given(this.payments.refundInFull(any())).willReturn(new RefundResult(refundId, RefundResult.State.SUCCEEDED));
		this.service.reconcile(order.getId());

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.stored.get(order.getId()).getReconcileAfter()).isNull();
	}

	@Test
	void aRefusedRefundLeavesTheCancellationPendingForAnOperator() {
		Order order = keep(paidBy(this.userId));
		given(this.payments.findByOrder(order.getId()))
			.willReturn(Optional.of(new PaymentResult(order.getPaymentId(), PaymentResult.State.APPROVED, null)));
		UUID refundId = UUID.randomUUID();
		given(this.payments.refundInFull(any())).willReturn(new RefundResult(refundId, RefundResult.State.FAILED));

		Order cancelling = this.service.cancel(order.getId(), this.userId);

		assertThat(cancelling.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(cancelling.getRefundId()).isEqualTo(refundId);
		assertThat(cancelling.getReconcileAfter()).isAfter(NOW);
		assertThat(cancelling.stored().reconcileFailure()).as("the answer gave no reason")
			.isEqualTo("refund " + refundId + " refused by the provider");
	}

	@Test
	void asksForNoRefundWhenTheRefundsEventCompletedTheCancellationMeanwhile() {
		Order order = keep(paidBy(this.userId));
		UUID refundId = UUID.randomUUID();
		given(this.payments.findByOrder(order.getId())).willAnswer(invocation -> {
			// The RefundSettled event of an earlier attempt is applied while we ask.
			order.applyRefund(order.getPaymentId(), new RefundResult(refundId, RefundResult.State.SUCCEEDED), NOW);
			return Optional.of(new PaymentResult(order.getPaymentId(), PaymentResult.State.APPROVED, null));
		});

		Order cancelled = this.service.cancel(order.getId(), this.userId);

		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.getRefundId()).isEqualTo(refundId);
		then(this.payments).should(never()).refundInFull(any());
	}

	@Test
	void aSucceededRefundCompletesTheCancellationAndMarksTheEventWithIt() {
		Order order = keep(cancellingWithPendingRefund());
		UUID eventId = UUID.randomUUID();
		given(this.processed.markProcessed(eventId)).willReturn(true);

		this.service.refundSettled(eventId, order.getId(), order.getPaymentId(),
				new RefundResult(order.getRefundId(), RefundResult.State.SUCCEEDED), null);

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.CANCELLED);
		then(this.processed).should().markProcessed(eventId);
		then(this.orders).should().save(order);
	}

	@Test
	void aFailedRefundKeepsTheCancellationPendingAndMarksTheEventWithIt() {
		Order order = keep(cancellingWithPendingRefund());
		Instant due = order.getReconcileAfter();
		UUID eventId = UUID.randomUUID();
		given(this.processed.markProcessed(eventId)).willReturn(true);

		this.service.refundSettled(eventId, order.getId(), order.getPaymentId(),
				new RefundResult(order.getRefundId(), RefundResult.State.FAILED), "charge_disputed");

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(this.stored.get(order.getId()).stored().reconcileFailure())
			.isEqualTo("refund " + order.getRefundId() + " refused by the provider (charge_disputed)");
		assertThat(this.stored.get(order.getId()).getReconcileAfter()).isAfter(due);
		then(this.orders).should().save(order);
	}

	@Test
	void aRefundEventProcessedBeforeIsNotAppliedAgain() {
		Order order = keep(cancellingWithPendingRefund());
		UUID eventId = UUID.randomUUID();
		given(this.processed.markProcessed(eventId)).willReturn(false);

		this.service.refundSettled(eventId, order.getId(), order.getPaymentId(),
				new RefundResult(order.getRefundId(), RefundResult.State.SUCCEEDED), null);

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		then(this.orders).should(never()).save(any());
	}

	@Test
	void aSettledRefundContradictingTheOrderOrForNoOrderIsRefused() {
		Order paid = keep(paidBy(this.userId));
		given(this.processed.markProcessed(any())).willReturn(true);
		RefundResult succeeded = new RefundResult(UUID.randomUUID(), RefundResult.State.SUCCEEDED);
		assertThatExceptionOfType(IllegalOrderTransitionException.class).isThrownBy(() -> this.service
			.refundSettled(UUID.randomUUID(), paid.getId(), paid.getPaymentId(), succeeded, null));
		assertThatExceptionOfType(OrderNotFoundException.class).isThrownBy(() -> this.service
			.refundSettled(UUID.randomUUID(), UUID.randomUUID(), paid.getPaymentId(), succeeded, null));
		then(this.orders).should(never()).save(any());
	}

	@Test
	void cancelsAtOnceAnOrderWhoseChargeNeverReachedThePaymentService() {
		Order order = keep(Orders.pending());
		given(this.payments.findByOrder(order.getId())).willReturn(Optional.empty());

		Order cancelled = this.service.cancel(order.getId(), order.getUserId());

		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.getRefundId()).isNull();
		then(this.payments).should(never()).refundInFull(any());
	}

	@Test
	void refundsNothingWhenTheCancelledOrdersPaymentTookNoMoneyOrIsStillOpen() {
		Order declined = keep(Orders.pending());
		given(this.payments.findByOrder(declined.getId())).willReturn(Optional.of(Orders.declined()));
		assertThat(this.service.cancel(declined.getId(), declined.getUserId()).getStatus())
			.isEqualTo(OrderStatus.CANCELLED);

		Order open = keep(Orders.pending());
		given(this.payments.findByOrder(open.getId())).willReturn(Optional.of(Orders.pendingPayment()));
		Order awaiting = this.service.cancel(open.getId(), open.getUserId());
		assertThat(awaiting.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(awaiting.getPaymentId()).isNotNull();

		then(this.payments).should(never()).refundInFull(any());
	}

	@Test
	void aCancellationWaitsForReconciliationWhileThePaymentServiceIsDown() {
		Order order = keep(paidBy(this.userId));
		given(this.payments.findByOrder(order.getId()))
			.willThrow(new DependencyUnavailableException("payment service", new RuntimeException("refused")));

		Order cancelling = this.service.cancel(order.getId(), this.userId);

		assertThat(cancelling.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(cancelling.getReconcileAfter()).isEqualTo(NOW.plusSeconds(5));
		then(this.payments).should(never()).refundInFull(any());
	}

	@Test
	void cancellingACancelledOrderAgainWritesNothing() {
		Order order = Orders.pending();
		order.applyPayment(Orders.declined(), NOW);
		order.requestCancellation(NOW);
		existing(order);

		assertThat(this.service.cancel(order.getId(), order.getUserId()).getStatus()).isEqualTo(OrderStatus.CANCELLED);
		then(this.orders).should(never()).save(any());
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void givesUpAfterFiveAttemptsWhenTheOrderKeepsChangingUnderneath() {
		Order order = keep(paidBy(this.userId));
		willThrow(new OptimisticLockingFailureException("changed meanwhile")).given(this.orders).save(any());

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.service.cancel(order.getId(), this.userId));
		then(this.orders).should(times(5)).findById(order.getId());

		Order refunding = keep(cancellingWithPendingRefund());
		given(this.processed.markProcessed(any())).willReturn(true);
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> this.service.refundSettled(UUID.randomUUID(), refunding.getId(), refunding.getPaymentId(),
					new RefundResult(refunding.getRefundId(), RefundResult.State.SUCCEEDED), null));
		then(this.orders).should(times(5)).findById(refunding.getId());
	}

	@Test
	void aSettledRefundIsAppliedAgainToTheOrderAsItStandsWhenItChangedMeanwhile() {
		Order order = keep(cancellingWithPendingRefund());
		given(this.processed.markProcessed(any())).willReturn(true);
		willAnswer(invocation -> {
			throw new OptimisticLockingFailureException("changed meanwhile");
		}).willAnswer(invocation -> keep(invocation.getArgument(0))).given(this.orders).save(any());

		this.service.refundSettled(UUID.randomUUID(), order.getId(), order.getPaymentId(),
				new RefundResult(order.getRefundId(), RefundResult.State.SUCCEEDED), null);

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.CANCELLED);
		then(this.orders).should(times(2)).save(any());
	}

	@Test
	void cancelsADeclinedOrderWithoutAskingThePaymentService() {
		Order order = Orders.pending();
		order.applyPayment(Orders.declined(), NOW);
		keep(order);
		Order cancelled = this.service.cancel(order.getId(), order.getUserId());
		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void doesNotLetAnotherUserCancel() {
		Order order = keep(paidBy(this.userId));
		assertThatExceptionOfType(OrderNotFoundException.class)
			.isThrownBy(() -> this.service.cancel(order.getId(), UUID.randomUUID()));
		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.PAID);
	}

	/**
	 * Places an order as a new request with a fresh key; the idempotency mechanism itself
	 * is tested against a real database ({@code IdempotentOrderPlacementIT}).
	 */
	private Order place(AtomicReference<Order> linked) {
		Claim newRequest = new Claim() {
			@Override
			public Optional<UUID> resourceId() {
				return Optional.ofNullable(linked.get()).map(Order::getId);
			}

			@Override
			public boolean takenOver() {
				return false;
			}

			@Override
			public void link(UUID resourceId) {
				linked.set(OrderServiceTests.this.stored.get(resourceId));
			}
		};
		given(this.idempotency.execute(any(), eq(OrderSnapshot.class), any()))
			.willAnswer(invocation -> invocation.<Function<Claim, OrderSnapshot>>getArgument(2).apply(newRequest));
		OrderSnapshot answer = this.service.place(this.userId, new IdempotencyKey("key-" + UUID.randomUUID()),
				List.of(new RequestedLine("COFFEE-BEANS-1KG", 2), new RequestedLine("ESPRESSO-CUP", 1)), "tok_visa");
		return this.stored.get(answer.id());
	}

	/**
	 * Retries a placement whose first request stored the order and died: the claim
	 * carries the order's id.
	 */
	private OrderSnapshot retryOfRequestThatStored(Order order) {
		Claim takenOver = mock();
		given(takenOver.resourceId()).willReturn(Optional.of(order.getId()));
		given(this.idempotency.execute(any(), eq(OrderSnapshot.class), any()))
			.willAnswer(invocation -> invocation.<Function<Claim, OrderSnapshot>>getArgument(2).apply(takenOver));
		return this.service.place(order.getUserId(), new IdempotencyKey("key-" + UUID.randomUUID()),
				List.of(new RequestedLine("COFFEE-BEANS-1KG", 2), new RequestedLine("ESPRESSO-CUP", 1)), "tok_visa");
	}

	private Order cancellingWithPendingRefund() {
		Order order = paidBy(this.userId);
		order.requestCancellation(NOW);
		order.applyRefund(order.getPaymentId(), new RefundResult(UUID.randomUUID(), RefundResult.State.PENDING), NOW);
		return order;
	}

	private Order paidBy(UUID user) {
		Order order = Order.place(user, List.of(new OrderLine(Orders.CUP, 1)), "EUR", "tok_visa", Orders.PLACED_AT,
				Orders.RECONCILIATION);
		order.applyPayment(Orders.approved(), Orders.PLACED_AT);
		return order;
	}

	@Test
	void aSettledPaymentCompletesAPendingOrderAndMarksTheEventWithIt() {
		Order order = keep(Orders.pending());
		UUID eventId = UUID.randomUUID();
		given(this.processed.markProcessed(eventId)).willReturn(true);
		PaymentResult approved = Orders.approved();

		this.service.paymentSettled(eventId, order.getId(), approved);

		assertThat(this.stored.get(order.getId()).getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(this.stored.get(order.getId()).getPaymentId()).isEqualTo(approved.paymentId());
		then(this.processed).should().markProcessed(eventId);
		then(this.orders).should().save(order);
	}

	@Test
	void aSettledPaymentTheOrderAlreadyShowsCostsOneReadAndNoWrite() {
		Order order = keep(Orders.paid());

		this.service.paymentSettled(UUID.randomUUID(), order.getId(),
				new PaymentResult(order.getPaymentId(), PaymentResult.State.APPROVED, null));

		then(this.orders).should().findById(order.getId());
		then(this.orders).should(never()).save(any());
		then(this.processed).shouldHaveNoInteractions();
	}

	@Test
	void anEventProcessedBeforeIsNotAppliedAgain() {
		Order order = keep(Orders.pending());
		UUID eventId = UUID.randomUUID();
		given(this.processed.markProcessed(eventId)).willReturn(false);

		this.service.paymentSettled(eventId, order.getId(), Orders.declined());

		then(this.orders).should(never()).save(any());
	}

	@Test
	void aSettledPaymentIsAppliedAgainToTheOrderAsItStandsWhenItChangedMeanwhile() {
		Order order = keep(Orders.pending());
		UUID eventId = UUID.randomUUID();
		given(this.processed.markProcessed(eventId)).willReturn(true);
		PaymentResult approved = Orders.approved();
		Order stored = failTheFirstSaveWithACopyStored(order);

		this.service.paymentSettled(eventId, order.getId(), approved);

		assertThat(stored.getStatus()).isEqualTo(OrderStatus.PAID);
		then(this.processed).should(times(2)).markProcessed(eventId);
	}

	@Test
	void aSettledPaymentWhoseEventAnotherConsumerProcessedMeanwhileIsNotAppliedAgain() {
		Order order = keep(Orders.pending());
		UUID eventId = UUID.randomUUID();
		given(this.processed.markProcessed(eventId)).willReturn(true, false);
		Order stored = failTheFirstSaveWithACopyStored(order);

		this.service.paymentSettled(eventId, order.getId(), Orders.approved());

		assertThat(stored.getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
		then(this.orders).should(times(1)).save(any());
	}

	/**
	 * @return the copy of the order the database holds after its first save failed:
	 * someone else changed it meanwhile
	 */
	private Order failTheFirstSaveWithACopyStored(Order order) {
		Order copy = Order.restore(order.stored(), order.getLines());
		given(this.orders.findById(order.getId())).willReturn(Optional.of(order), Optional.of(copy));
		willAnswer(invocation -> {
			throw new OptimisticLockingFailureException("changed meanwhile");
		}).willAnswer(invocation -> invocation.getArgument(0)).given(this.orders).save(any());
		return copy;
	}

	@Test
	void aSettledPaymentContradictingTheOrderIsRefused() {
		Order order = keep(Orders.paid());
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> this.service.paymentSettled(UUID.randomUUID(), order.getId(), Orders.declined()));
		then(this.orders).should(never()).save(any());
	}

	@Test
	void aSettledPaymentForAnUnknownOrderIsRefused() {
		assertThatExceptionOfType(OrderNotFoundException.class)
			.isThrownBy(() -> this.service.paymentSettled(UUID.randomUUID(), UUID.randomUUID(), Orders.approved()));
	}

	@Test
	void publishesThePlacedOrderAndThenItsPayment() {
		given(this.users.exists(this.userId)).willReturn(true);
		PaymentResult approved = Orders.approved();
		given(this.payments.charge(any())).willReturn(approved);

		Order order = place(new AtomicReference<>());

		assertThat(published()).extracting(OutgoingEvent::type).containsExactly("OrderPlaced", "OrderPaid");
		assertThat(published()).allSatisfy(event -> assertThat(event.key()).isEqualTo(order.getId().toString()));
		assertThat(((OrderPaid) published().get(1)).payload().paymentId()).isEqualTo(approved.paymentId());
	}

	@Test
	void publishesOnlyThePlacedOrderWhenThePaymentIsDeclined() {
		given(this.users.exists(this.userId)).willReturn(true);
		given(this.payments.charge(any())).willReturn(Orders.declined());

		place(new AtomicReference<>());

		assertThat(published()).extracting(OutgoingEvent::type).containsExactly("OrderPlaced");
	}

	@Test
	void asksForThePaymentThroughAnEventWhenThePaymentServiceCannotBeReached() {
		given(this.users.exists(this.userId)).willReturn(true);
		given(this.payments.charge(any()))
			.willThrow(new DependencyUnavailableException("payment service", new RuntimeException("refused")));

		Order order = place(new AtomicReference<>());

		assertThat(published()).extracting(OutgoingEvent::type).containsExactly("OrderPlaced", "PaymentRequested");
		PaymentRequested.Payload requested = ((PaymentRequested) published().get(1)).payload();
		assertThat(requested.idempotencyKey()).isEqualTo(order.paymentKey());
		assertThat(requested.amount()).isEqualTo(order.getTotal());
		assertThat(requested.paymentMethod()).isEqualTo("tok_visa");
	}

	@Test
	void publishesTheCancellationWithItsRefund() {
		Order order = existing(paidBy(this.userId));
		given(this.payments.findByOrder(order.getId()))
			.willReturn(Optional.of(new PaymentResult(order.getPaymentId(), PaymentResult.State.APPROVED, null)));
		UUID refundId = UUID.randomUUID();
		given(this.payments.refundInFull(any())).willReturn(new RefundResult(refundId, RefundResult.State.SUCCEEDED));

		this.service.cancel(order.getId(), this.userId);

		assertThat(published()).singleElement()
			.isInstanceOfSatisfying(OrderCancelled.class,
					cancelled -> assertThat(cancelled.payload().refundId()).isEqualTo(refundId));
	}

	@Test
	void publishesNothingWhenASettledPaymentChangesNothing() {
		Order order = existing(paidBy(this.userId));
		given(this.processed.markProcessed(any())).willReturn(true);

		this.service.paymentSettled(UUID.randomUUID(), order.getId(),
				new PaymentResult(order.getPaymentId(), PaymentResult.State.APPROVED, null));

		then(this.outbox).shouldHaveNoInteractions();
	}

	private List<OutgoingEvent> published() {
		ArgumentCaptor<OutgoingEvent> events = ArgumentCaptor.forClass(OutgoingEvent.class);
		then(this.outbox).should(atLeast(0)).publish(events.capture());
		return events.getAllValues();
	}

	/** An order as stored before the test: what it raised was published then. */
	private Order existing(Order order) {
		order.releaseEvents();
		return keep(order);
	}

	private Order keep(Order order) {
		this.stored.put(order.getId(), order);
		return order;
	}

}
