package com.example.platform.order.ordering;

import com.example.platform.order.catalog.Money;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static com.example.platform.order.ordering.Orders.PLACED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	private Order cancelling() {
		Order order = Orders.paid();
		order.requestCancellation(this.later);
		return order;
	}

	@Test
	void raisesAnEventWhenPlacedAndWhenItBecomesPaid() {
		Order order = Orders.pending();
		assertThat(order.releaseEvents()).singleElement().isInstanceOf(OrderPlaced.class);

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
			.isInstanceOfSatisfying(PaymentRequested.class,
					requested -> assertThat(requested.payload().idempotencyKey()).isEqualTo(pending.paymentKey()));

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
