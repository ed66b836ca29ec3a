package com.example.platform.payment.refunds;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.payments.Payments;
import com.example.platform.support.events.Outbox;

import static com.example.platform.payment.payments.Payments.NOW;
import static com.example.platform.payment.payments.Payments.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class PendingRefundsTests {

	private final RefundRepository refunds = mock(RefundRepository.class);

	private final PaymentRepository payments = mock(PaymentRepository.class);

	private final RefundProvider provider = mock(RefundProvider.class);

	private final Outbox outbox = mock(Outbox.class);

	private final PendingRefunds pending = new PendingRefunds(this.refunds, this.payments, this.provider, RETRY,
			this.outbox);

	@Test
	void claimingStartsTheAttemptAndReadsTheRefundedCharge() {
		Payment payment = Payments.approved(1000);
		Refund refund = Refunds.pending(payment, 300);
		given(this.refunds.findDueForResolver(NOW.plusSeconds(60), 10)).willReturn(List.of(refund));
		given(this.payments.findById(payment.getId())).willReturn(Optional.of(payment));
		assertThat(this.pending.claimDue(NOW.plusSeconds(60), 10))
			.containsExactly(new RefundProvider.RefundRequest(refund.getId(), "ch_1", new Money(300, "EUR")));
		assertThat(refund.getAttempts()).isEqualTo(1);
		assertThat(refund.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(70));
		then(this.refunds).should().save(refund);
	}

	@Test
	void publishesTheOutcomeOnceTheProviderSettlesTheRefund() {
		UUID orderId = UUID.randomUUID();
		Payment payment = Payments.approved(orderId, 1000);
		Refund refund = Refunds.pending(payment, 300);
		given(this.refunds.findForUpdate(refund.getId())).willReturn(Optional.of(refund));
		given(this.payments.findById(payment.getId())).willReturn(Optional.of(payment));
		this.pending.record(refund.refundRequest("ch_1"), new RefundOutcome.Unknown("HTTP 503"), NOW);
		then(this.outbox).shouldHaveNoInteractions();

		this.pending.record(refund.refundRequest("ch_1"), new RefundOutcome.Succeeded("re_1"), NOW.plusSeconds(30));

		then(this.outbox).should()
			.publish(argThat(
					event -> event instanceof RefundSettled settled && settled.key().equals(payment.getId().toString())
							&& settled.payload()
								.equals(new RefundSettled.Payload(refund.getId(), payment.getId(), orderId, "SUCCEEDED",
										new Money(300, "EUR"), null))));
	}

	@Test
	void repeatsTheRefundAndFailsItAfterTheLastAttempt() {
		Payment payment = Payments.approved(1000);
		Refund refund = Refunds.pending(payment, 300);
		given(this.refunds.findForUpdate(refund.getId())).willReturn(Optional.of(refund));
		given(this.payments.findById(payment.getId())).willReturn(Optional.of(payment));
		RefundProvider.RefundRequest request = refund.refundRequest("ch_1");
		given(this.provider.refund(request)).willReturn(new RefundOutcome.Unknown("HTTP 500"));
		for (int i = 0; i < 3; i++) {
			refund.startAttempt(NOW, RETRY);
			this.pending.record(request, this.pending.ask(request), NOW);
		}
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.FAILED);
		assertThat(refund.getFailureReason()).contains("after 3 resolver attempts", "HTTP 500");
		then(this.refunds).should(times(3)).save(refund);
		then(this.outbox).should()
			.publish(argThat(
					event -> event instanceof RefundSettled settled && settled.payload().status().equals("FAILED")
							&& settled.payload().reason().contains("after 3 resolver attempts")));
	}

	@Test
	void anOutcomeArrivingForASettledRefundWritesNothing() {
		Refund refund = Refunds.pending(300);
		refund.record(new RefundOutcome.Succeeded("re_1"), NOW);
		given(this.refunds.findForUpdate(refund.getId())).willReturn(Optional.of(refund));
		this.pending.record(refund.refundRequest("ch_1"), new RefundOutcome.Failed("HTTP 400"), NOW);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.SUCCEEDED);
		then(this.refunds).should(never()).save(any());
		then(this.outbox).shouldHaveNoInteractions();
	}

}
