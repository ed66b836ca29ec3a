package com.example.platform.payment.payments;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.example.platform.support.events.Outbox;

import static com.example.platform.payment.payments.Payments.NOW;
import static com.example.platform.payment.payments.Payments.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class PendingPaymentsTests {

	private final PaymentRepository payments = mock(PaymentRepository.class);

	private final PaymentProvider provider = mock(PaymentProvider.class);

	private final Outbox outbox = mock(Outbox.class);

	private final PendingPayments pending = new PendingPayments(this.payments, this.provider, RETRY, this.outbox);

	@Test
	void claimingCountsTheAttemptAndSchedulesTheNextOneBeforeTheProviderIsAsked() {
		Payment payment = Payments.pending(700);
		given(this.payments.findDueForResolver(NOW.plusSeconds(60), 10)).willReturn(List.of(payment));
		assertThat(this.pending.claimDue(NOW.plusSeconds(60), 10)).containsExactly(payment);
		assertThat(payment.getAttempts()).isEqualTo(1);
		assertThat(payment.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(70));
		then(this.payments).should().save(payment);
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void repeatsTheChargeWithTheSameReferenceWhenNoChargeIdIsKnown() {
		Payment payment = Payments.pending(700);
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Approved("ch_5"));
		assertThat(this.pending.ask(payment)).isEqualTo(new ChargeOutcome.Approved("ch_5"));
		then(this.provider).should()
			.charge(new PaymentProvider.ChargeRequest(payment.getId(), payment.getAmount(), "tok_visa"));
	}

	@Test
	void looksUpAChargeWhoseIdIsKnown() {
		Payment payment = Payments.pending(700);
		payment.record(new ChargeOutcome.Unknown("ch_8", "still processing"), NOW);
		given(this.provider.chargeStatus("ch_8")).willReturn(new ChargeOutcome.Declined("ch_8", "card_declined"));
		assertThat(this.pending.ask(payment)).isEqualTo(new ChargeOutcome.Declined("ch_8", "card_declined"));
		then(this.provider).should(never()).charge(any());
	}

	@Test
	void anUnforeseenAdapterErrorIsAnUnknownOutcome() {
		given(this.provider.charge(any())).willThrow(new IllegalStateException("bug"));
		assertThat(this.pending.ask(Payments.pending(700))).isInstanceOf(ChargeOutcome.Unknown.class);
	}

	@Test
	void recordsTheOutcomeOnTheLockedRowAndFailsThePaymentAfterTheLastAttempt() {
		Payment payment = Payments.pending(700);
		given(this.payments.findForUpdate(payment.getId())).willReturn(Optional.of(payment));
		for (int i = 0; i < 3; i++) {
			payment.startAttempt(NOW, RETRY);
			this.pending.record(payment, new ChargeOutcome.Unknown(null, "HTTP 502"), NOW);
		}
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.getFailureReason()).contains("after 3 resolver attempts", "HTTP 502");
		then(this.payments).should(times(3)).save(payment);
		ArgumentCaptor<PaymentSettled> event = ArgumentCaptor.forClass(PaymentSettled.class);
		then(this.outbox).should().publish(event.capture());
		assertThat(event.getValue().payload().status()).as("only once, when it failed").isEqualTo("FAILED");
	}

	@Test
	void resolvedOutcomeIsPublishedWithTheState() {
		Payment payment = Payments.pending(700);
		given(this.payments.findForUpdate(payment.getId())).willReturn(Optional.of(payment));
		this.pending.record(payment, new ChargeOutcome.Approved("ch_9"), NOW);
		ArgumentCaptor<PaymentSettled> event = ArgumentCaptor.forClass(PaymentSettled.class);
		then(this.outbox).should().publish(event.capture());
		assertThat(event.getValue().key()).isEqualTo(payment.getId().toString());
		assertThat(event.getValue().payload().status()).isEqualTo("APPROVED");
	}

	@Test
	void unknownOutcomeKeepsThePaymentPendingWhileAttemptsAreLeft() {
		Payment payment = Payments.pending(700);
		given(this.payments.findForUpdate(payment.getId())).willReturn(Optional.of(payment));
		payment.startAttempt(NOW, RETRY);
		this.pending.record(payment, new ChargeOutcome.Unknown(null, "HTTP 502"), NOW);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
		then(this.payments).should().save(payment);
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void anOutcomeArrivingForASettledPaymentWritesNothing() {
		Payment payment = Payments.approved(700);
		given(this.payments.findForUpdate(payment.getId())).willReturn(Optional.of(payment));
		this.pending.record(payment, new ChargeOutcome.Declined("ch_1", "card_declined"), NOW);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
		then(this.payments).should(never()).save(any());
		then(this.outbox).shouldHaveNoInteractions();
	}

}
