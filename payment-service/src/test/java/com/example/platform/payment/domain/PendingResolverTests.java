package com.example.platform.payment.domain;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class PendingResolverTests {

	private final PaymentRepository payments = mock(PaymentRepository.class);

	private final RefundRepository refunds = mock(RefundRepository.class);

	private final IdempotencyStore idempotency = mock(IdempotencyStore.class);

	private final PaymentProvider provider = mock(PaymentProvider.class);

	private final PendingResolver resolver = new PendingResolver(this.payments, this.refunds, this.idempotency,
			this.provider, TransactionOperations.withoutTransaction(), Fixtures.RETRY,
			Clock.fixed(Fixtures.NOW.plusSeconds(60), ZoneOffset.UTC));

	@Test
	void repeatsTheChargeWithTheSameReferenceWhenNoChargeIdIsKnown() {
		Payment payment = Fixtures.pendingPayment(700);
		given(this.payments.findDueForResolver(any(), any())).willReturn(List.of(payment));
		given(this.payments.findForUpdate(payment.getId())).willReturn(Optional.of(payment));
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Approved("ch_5"));
		assertThat(this.resolver.resolvePayments()).isEqualTo(1);
		then(this.provider).should()
			.charge(new PaymentProvider.ChargeRequest(payment.getId(), payment.getAmount(), "tok_visa"));
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
		// A key whose request never got its answer gets the outcome now.
		then(this.idempotency).should().completeAbandoned(eq(payment.getId()), eq("APPROVED"), isNull(), any());
	}

	@Test
	void looksUpAChargeWhoseIdIsKnown() {
		Payment payment = Fixtures.pendingPayment(700);
		payment.record(new ChargeOutcome.Unknown("ch_8", "still processing"), Fixtures.NOW);
		given(this.payments.findDueForResolver(any(), any())).willReturn(List.of(payment));
		given(this.payments.findForUpdate(payment.getId())).willReturn(Optional.of(payment));
		given(this.provider.chargeStatus("ch_8")).willReturn(new ChargeOutcome.Declined("ch_8", "card_declined"));
		this.resolver.resolvePayments();
		then(this.provider).should(never()).charge(any());
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
	}

	@Test
	void countsTheAttemptAndKeepsThePaymentPendingWhileTheOutcomeIsUnknown() {
		Payment payment = Fixtures.pendingPayment(700);
		given(this.payments.findDueForResolver(any(), any())).willReturn(List.of(payment));
		given(this.payments.findForUpdate(payment.getId())).willReturn(Optional.of(payment));
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Unknown(null, "HTTP 502"));
		this.resolver.resolvePayments();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getAttempts()).isEqualTo(1);
		assertThat(payment.getNextAttemptAt()).isEqualTo(Fixtures.NOW.plusSeconds(70));
	}

}
