package com.example.platform.order.ordering;

import com.example.platform.order.catalog.Money;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static com.example.platform.order.ordering.Orders.PLACED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class OrderTests {

	private final Instant later = PLACED_AT.plusSeconds(5);

	@Test
	void isPlacedPendingWithAServerComputedTotalAndADeadlineForReconciliation() {
		Order order = Orders.pending();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
		assertThat(order.getTotal()).isEqualTo(new Money(2 * 2490 + 900, "EUR"));
		assertThat(order.getLines()).hasSize(2);
		assertThat(order.getReconcileAfter()).isEqualTo(PLACED_AT.plusSeconds(30));
		assertThat(order.paymentKey()).isEqualTo("order-" + order.getId());
		assertThat(order.refundKey()).isNotEqualTo(order.paymentKey());
	}

	@Test
	void becomesPaidWhenThePaymentIsApproved() {
		Order order = Orders.pending();
		PaymentResult payment = Orders.approved();
		assertThat(order.applyPayment(payment, this.later)).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
		assertThat(order.getPaymentId()).isEqualTo(payment.paymentId());
		assertThat(order.getUpdatedAt()).isEqualTo(this.later);
		assertThat(order.getReconcileAfter()).isNull();
	}

	@Test
	void keepsTheDeclineCode() {
		Order order = Orders.pending();
		order.applyPayment(Orders.declined(), this.later);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
		assertThat(order.getDeclineCode()).isEqualTo("card_declined");
	}

	@Test
	void staysPendingWhileThePaymentIs() {
		Order order = Orders.pending();
		assertThat(order.applyPayment(Orders.pendingPayment(), this.later)).isFalse();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
	}

	@Test
	void failsWhenThePaymentServiceGivesUp() {
		Order order = Orders.pending();
		order.applyPayment(Orders.failed(), this.later);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAYMENT_FAILED);
	}

	@Test
	void acceptsTheSameOutcomeTwice() {
		Order order = Orders.paid();
		assertThat(order.applyPayment(Orders.approved(), this.later)).isFalse();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void refusesAContradictingOutcome() {
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> Orders.paid().applyPayment(Orders.declined(), this.later))
			.withMessage("An order that is PAID cannot record a DECLINED payment.");
		Order declined = Orders.pending();
		declined.applyPayment(Orders.declined(), this.later);
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> declined.applyPayment(Orders.approved(), this.later));
		Order failed = Orders.pending();
		failed.applyPayment(Orders.failed(), this.later);
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> failed.applyPayment(Orders.approved(), this.later))
			.withMessage("An order that is PAYMENT_FAILED cannot record a APPROVED payment.");
	}

	@Test
	void cancelsAtOnceWhenNoMoneyWasTaken() {
		Order order = Orders.pending();
		order.applyPayment(Orders.declined(), this.later);
		assertThat(order.requestCancellation(this.later)).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void waitsForTheRefundWhenPaid() {
		Order order = Orders.paid();
		order.requestCancellation(this.later);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(order.getReconcileAfter()).isEqualTo(this.later);
		UUID refund = UUID.randomUUID();
		assertThat(order.completeCancellation(refund, this.later)).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.getRefundId()).isEqualTo(refund);
		assertThat(order.getReconcileAfter()).isNull();
	}

	@Test
	void cancellingTwiceChangesNothing() {
		Order order = Orders.paid();
		order.requestCancellation(this.later);
		order.completeCancellation(UUID.randomUUID(), this.later);
		assertThat(order.requestCancellation(this.later.plusSeconds(1))).isFalse();
		assertThat(order.completeCancellation(UUID.randomUUID(), this.later)).isFalse();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void cannotCompleteACancellationThatWasNotRequested() {
		assertThatExceptionOfType(IllegalOrderTransitionException.class)
			.isThrownBy(() -> Orders.paid().completeCancellation(UUID.randomUUID(), this.later));
	}

	@Test
	void cancellingAPendingOrderWaitsForThePaymentsOutcome() {
		Order order = Orders.pending();
		order.requestCancellation(this.later);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		order.applyPayment(Orders.declined(), this.later);
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void aChargeThatLandsAfterTheCancellationReopensItForARefund() {
		Order order = Orders.pending();
		order.requestCancellation(this.later);
		order.completeCancellation(null, this.later);
		PaymentResult late = Orders.approved();
		assertThat(order.applyPayment(late, this.later.plusSeconds(1))).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(order.getPaymentId()).isEqualTo(late.paymentId());
		assertThat(order.getReconcileAfter()).isEqualTo(this.later.plusSeconds(1));
	}

	@Test
	void aCancellationAwaitingThePaymentEndsWhenTheChargeFailsButWaitsForARefundWhenItIsApproved() {
		Order failed = Orders.pending();
		failed.requestCancellation(this.later);
		PaymentResult failure = Orders.failed();
		assertThat(failed.applyPayment(failure, this.later)).isTrue();
		assertThat(failed.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(failed.getPaymentId()).isEqualTo(failure.paymentId());

		Order approved = Orders.pending();
		approved.requestCancellation(this.later);
		PaymentResult charge = Orders.approved();
		approved.applyPayment(charge, this.later);
		assertThat(approved.getStatus()).as("money was taken: it must be refunded")
			.isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(approved.getPaymentId()).isEqualTo(charge.paymentId());
	}

	@Test
	void aChargeOnceOpenThatLandsAfterACancellationWithNothingToRefundReopensIt() {
		Order order = Orders.pending();
		order.requestCancellation(this.later);
		PaymentResult open = Orders.pendingPayment();
		order.applyPayment(open, this.later);
		order.completeCancellation(null, this.later);
		PaymentResult landed = new PaymentResult(open.paymentId(), PaymentResult.State.APPROVED, null);
		assertThat(order.applyPayment(landed, this.later.plusSeconds(1))).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
	}

	@Test
	void aSecondChargeAfterARefundedCancellationReopensItForItsOwnRefund() {
		Order order = cancelling();
		order.completeCancellation(UUID.randomUUID(), this.later);
		PaymentResult second = Orders.approved();
		assertThat(order.applyPayment(second, this.later.plusSeconds(1))).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(order.getPaymentId()).isEqualTo(second.paymentId());
	}

	@Test
	void aCancelledOrderReopensForAPaymentThatMayStillLandButNotForOneThatTookNoMoney() {
		Order pendingLate = cancelledWithNothingCharged();
		assertThat(pendingLate.applyPayment(Orders.pendingPayment(), this.later.plusSeconds(1))).isTrue();
		assertThat(pendingLate.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);

		Order declinedLate = cancelledWithNothingCharged();
		assertThat(declinedLate.applyPayment(Orders.declined(), this.later.plusSeconds(1))).isFalse();
		assertThat(declinedLate.applyPayment(Orders.failed(), this.later.plusSeconds(1))).isFalse();
		assertThat(declinedLate.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(declinedLate.getPaymentId()).isNull();
		assertThat(declinedLate.getUpdatedAt()).isEqualTo(this.later);
	}

	private Order cancelledWithNothingCharged() {
		Order order = Orders.pending();
		order.requestCancellation(this.later);
		order.completeCancellation(null, this.later);
		return order;
	}

	@Test
	void lateWordOnThePaymentTheCancellationRefundedChangesNothing() {
		PaymentResult approved = Orders.approved();
		Order order = Orders.pending();
		order.applyPayment(approved, this.later);
		order.requestCancellation(this.later);
		order.completeCancellation(UUID.randomUUID(), this.later);
		assertThat(order.applyPayment(approved, this.later.plusSeconds(1))).isFalse();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.getReconcileAfter()).isNull();
	}

	@Test
	void aPendingRefundIsRememberedAndTheCancellationAwaitsIt() {
		Order order = cancelling();
		RefundResult pending = new RefundResult(UUID.randomUUID(), RefundResult.State.PENDING);
		assertThat(order.applyRefund(order.getPaymentId(), pending, this.later)).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(order.getRefundId()).isEqualTo(pending.refundId());
		assertThat(order.applyRefund(order.getPaymentId(), pending, this.later)).as("known already").isFalse();
	}

	@Test
	void aSucceededRefundCompletesTheCancellationOnce() {
		Order order = cancelling();
		UUID refundId = UUID.randomUUID();
		order.applyRefund(order.getPaymentId(), new RefundResult(refundId, RefundResult.State.PENDING), this.later);
		RefundResult succeeded = new RefundResult(refundId, RefundResult.State.SUCCEEDED);
		assertThat(order.applyRefund(order.getPaymentId(), succeeded, this.later.plusSeconds(1))).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.getRefundId()).isEqualTo(refundId);
		assertThat(order.getUpdatedAt()).isEqualTo(this.later.plusSeconds(1));
		assertThat(order.getReconcileAfter()).isNull();
		assertThat(order.applyRefund(order.getPaymentId(), succeeded, this.later.plusSeconds(2))).isFalse();
		assertThat(order.applyRefund(order.getPaymentId(), new RefundResult(refundId, RefundResult.State.PENDING),
				this.later.plusSeconds(2)))
			.as("the refund's first answer, arriving after its event")
			.isFalse();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void aRefusedRefundLeavesTheCancellationPending() {
		Order order = cancelling();
		RefundResult failed = new RefundResult(UUID.randomUUID(), RefundResult.State.FAILED);
		assertThat(order.applyRefund(order.getPaymentId(), failed, this.later)).isTrue();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLATION_PENDING);
		assertThat(order.getRefundId()).isEqualTo(failed.refundId());
		assertThat(order.getReconcileAfter()).as("still reconciled").isNotNull();
	}

	@Test
	void aRefundThatContradictsTheOrderIsRefused() {
		Order cancelling = cancelling();
		UUID refundId = UUID.randomUUID();
		assertThatExceptionOfType(IllegalOrderTransitionException.class).as("another payment")
			.isThrownBy(() -> cancelling.applyRefund(UUID.randomUUID(),
					new RefundResult(refundId, RefundResult.State.SUCCEEDED), this.later));
		cancelling.applyRefund(cancelling.getPaymentId(), new RefundResult(refundId, RefundResult.State.PENDING),
				this.later);
		assertThatExceptionOfType(IllegalOrderTransitionException.class).as("another refund")
			.isThrownBy(() -> cancelling.applyRefund(cancelling.getPaymentId(),
					new RefundResult(UUID.randomUUID(), RefundResult.State.SUCCEEDED), this.later));
		Order paid = Orders.paid();
		assertThatExceptionOfType(IllegalOrderTransitionException.class).as("not cancelled")
			.isThrownBy(() -> paid.applyRefund(paid.getPaymentId(),
					new RefundResult(refundId, RefundResult.State.SUCCEEDED), this.later));
		cancelling.applyRefund(cancelling.getPaymentId(), new RefundResult(refundId, RefundResult.State.SUCCEEDED),
				this.later);
		assertThatExceptionOfType(IllegalOrderTransitionException.class).as("failed after it completed")
			.isThrownBy(() -> cancelling.applyRefund(cancelling.getPaymentId(),
					new RefundResult(refundId, RefundResult.State.FAILED), this.later));
		assertThat(cancelling.getStatus()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void aRefundIsRefusedForAnOrderThatTookNoMoney() {
		Order neverCharged = Orders.pending();
		neverCharged.requestCancellation(this.later);
		assertThatExceptionOfType(IllegalOrderTransitionException.class).as("no payment known")
			.isThrownBy(() -> neverCharged.applyRefund(UUID.randomUUID(),
					new RefundResult(UUID.randomUUID(), RefundResult.State.SUCCEEDED), this.later));

		Order declined = Orders.pending();
		PaymentResult refused = Orders.declined();
		declined.applyPayment(refused, this.later);
		declined.requestCancellation(this.later);
		assertThatExceptionOfType(IllegalOrderTransitionException.class).as("cancelled with nothing refunded")
			.isThrownBy(() -> declined.applyRefund(refused.paymentId(),
					new RefundResult(UUID.randomUUID(), RefundResult.State.SUCCEEDED), this.later))
			.withMessage("An order that is CANCELLED cannot record a SUCCEEDED refund.");
	}

	@Test
	void aCompletedCancellationIsTouchedAtItsTime() {
		Order order = cancelling();
		assertThat(order.completeCancellation(UUID.randomUUID(), this.later.plusSeconds(3))).isTrue();
		assertThat(order.getUpdatedAt()).isEqualTo(this.later.plusSeconds(3));
		assertThat(order.completeCancellation(UUID.randomUUID(), this.later.plusSeconds(4))).isFalse();
		assertThat(order.getUpdatedAt()).isEqualTo(this.later.plusSeconds(3));
	}

	@Test
	void onlyAnOrderThatNeedsReconciliationIsLookedAtAgain() {
		Order paid = Orders.paid();
		paid.reconcileLater("payment-service unreachable", this.later, Orders.RECONCILIATION);
		assertThat(paid.getReconcileAfter()).isNull();
		assertThat(paid.stored().reconcileFailure()).isNull();

		Order pending = Orders.pending();
		pending.reconcileLater("payment-service unreachable", this.later, Orders.RECONCILIATION);
		assertThat(pending.getReconcileAfter()).isEqualTo(this.later.plusSeconds(5));
		assertThat(pending.stored().reconcileFailure()).isEqualTo("payment-service unreachable");

		pending.reconcileAgainAt(this.later.plusSeconds(1));
		assertThat(pending.getReconcileAfter()).isEqualTo(this.later.plusSeconds(1));
	}

	@Test
	void showsWhatWasOrderedAndWhen() {
		Order order = Orders.pending();
		assertThat(order.getCreatedAt()).isEqualTo(PLACED_AT);
		assertThat(order.getPaymentMethod()).isEqualTo("tok_visa");
		assertThat(order.refundKey()).isEqualTo("order-" + order.getId() + "-cancellation");
		assertThat(order.getLines()).extracting(OrderLine::getSku, OrderLine::getProductName, OrderLine::getQuantity)
			.containsExactly(tuple("COFFEE-BEANS-1KG", "Coffee beans, 1 kg", 2),
					tuple("ESPRESSO-CUP", "Espresso cup", 1));
		Order readBack = Order.restore(order.stored(),
				order.getLines()
					.stream()
					.map(line -> OrderLine.restore(line.getSku(), line.getProductName(), line.getQuantity(),
							line.getUnitPriceAmount()))
					.toList());
		assertThat(readBack.snapshot()).isEqualTo(order.snapshot());
		assertThat(readBack.getTotal()).isEqualTo(new Money(2 * 2490 + 900, "EUR"));
	}

	private Order cancelling() {
		Order order = Orders.paid();
		order.requestCancellation(this.later);
		return order;
	}

	@Test
	void raisesAnEventWhenPlacedAndWhenItBecomesPaid() {
		Order order = Orders.pending();
		assertThat(order.releaseEvents()).singleElement().isInstanceOfSatisfying(OrderPlaced.class, placed -> {
			assertThat(placed.topic()).isEqualTo("orders.v1");
			assertThat(placed.key()).isEqualTo(order.getId().toString());
			assertThat(placed.payload().lines()).containsExactly(new OrderPlaced.Line("COFFEE-BEANS-1KG", 2),
					new OrderPlaced.Line("ESPRESSO-CUP", 1));
		});

		order.applyPayment(Orders.approved(), this.later);
		order.applyPayment(Orders.approved(), this.later.plusSeconds(1));

		assertThat(order.releaseEvents()).singleElement()
			.isInstanceOfSatisfying(OrderPaid.class, paid -> assertThat(paid.occurredAt()).isEqualTo(this.later));
		assertThat(order.hasEvents()).isFalse();
	}

	@Test
	void raisesOneEventWhenItBecomesCancelled() {
		Order order = Orders.pending();
		order.applyPayment(Orders.declined(), this.later);
		order.releaseEvents();

		order.requestCancellation(this.later);
		order.requestCancellation(this.later);

		assertThat(order.releaseEvents()).singleElement().isInstanceOf(OrderCancelled.class);
	}

	@Test
	void asksForItsPaymentThroughAnEventOnlyWhileItIsAwaited() {
		Order pending = Orders.pending();
		pending.releaseEvents();
		pending.requestPaymentLater("refused", this.later, Orders.RECONCILIATION);
		assertThat(pending.releaseEvents()).singleElement()
			.isInstanceOfSatisfying(PaymentRequested.class, requested -> {
				assertThat(requested.payload().idempotencyKey()).isEqualTo(pending.paymentKey());
				assertThat(requested.topic()).as("the payment requests' topic, not the order's")
					.isEqualTo("orders.payment-requests.v1");
			});

		Order paid = Orders.paid();
		paid.releaseEvents();
		paid.requestPaymentLater("refused", this.later, Orders.RECONCILIATION);
		assertThat(paid.hasEvents()).isFalse();
	}

	@Test
	void anOrderReadBackHasNoEvents() {
		Order order = Orders.paid();
		assertThat(Order.restore(order.stored(), order.getLines()).hasEvents()).isFalse();
	}

}
