package com.example.platform.payment.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The use cases with the provider port, the repositories and the idempotency store
 * mocked: how each provider outcome ends, and that replays, mismatches and requests in
 * flight never reach the provider.
 */
class PaymentServiceTests {

	private static final Caller ORDERS = new Caller("order-service", true);

	private final PaymentRepository payments = mock(PaymentRepository.class);

	private final RefundRepository refunds = mock(RefundRepository.class);

	private final IdempotencyStore idempotency = mock(IdempotencyStore.class);

	private final PaymentProvider provider = mock(PaymentProvider.class);

	private final Map<UUID, Payment> stored = new HashMap<>();

	private final PaymentService service = new PaymentService(this.payments, this.refunds, this.idempotency,
			this.provider, TransactionOperations.withoutTransaction(),
			new PaymentPolicy(Set.of("EUR", "USD"), Duration.ZERO, Duration.ofHours(24), Fixtures.RETRY),
			Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

	private final NewPayment request = new NewPayment(UUID.randomUUID(), UUID.randomUUID(), new Money(2500, "EUR"),
			"tok_visa");

	@BeforeEach
	void storeInMemory() {
		given(this.payments.save(any(Payment.class))).willAnswer(invocation -> {
			Payment payment = invocation.getArgument(0);
			this.stored.put(payment.getId(), payment);
			return payment;
		});
		given(this.payments.findForUpdate(any()))
			.willAnswer(invocation -> Optional.ofNullable(this.stored.get(invocation.<UUID>getArgument(0))));
		given(this.payments.findById(any()))
			.willAnswer(invocation -> Optional.ofNullable(this.stored.get(invocation.<UUID>getArgument(0))));
	}

	private void firstRequestWithTheKey() {
		given(this.idempotency.claim(anyString(), anyString(), anyString(), anyString(), any(), any()))
			.willReturn(true);
	}

	@Test
	void approvedChargeIsAnsweredAndStoredAsTheKeysAnswer() {
		firstRequestWithTheKey();
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Approved("ch_1"));
		PaymentSnapshot answer = this.service.create(ORDERS, "k1", this.request);
		assertThat(answer.status()).isEqualTo(PaymentStatus.APPROVED);
		then(this.provider).should()
			.charge(new PaymentProvider.ChargeRequest(answer.id(), new Money(2500, "EUR"), "tok_visa"));
		then(this.idempotency).should().complete(eq("order-service"), eq("k1"), eq("APPROVED"), isNull(), any());
	}

	@Test
	void declinedChargeIsAnsweredWithItsCode() {
		firstRequestWithTheKey();
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Declined("ch_1", "insufficient_funds"));
		PaymentSnapshot answer = this.service.create(ORDERS, "k1", this.request);
		assertThat(answer.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(answer.declineCode()).isEqualTo("insufficient_funds");
		then(this.idempotency).should()
			.complete(eq("order-service"), eq("k1"), eq("DECLINED"), eq("insufficient_funds"), any());
	}

	@Test
	void unknownOutcomeIsAnsweredPending() {
		firstRequestWithTheKey();
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Unknown(null, "HTTP 500"));
		PaymentSnapshot answer = this.service.create(ORDERS, "k1", this.request);
		assertThat(answer.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.stored.get(answer.id()).getFailureReason()).isEqualTo("HTTP 500");
	}

	@Test
	void providerRefusingTheRequestFailsThePayment() {
		firstRequestWithTheKey();
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Rejected("HTTP 401"));
		assertThat(this.service.create(ORDERS, "k1", this.request).status()).isEqualTo(PaymentStatus.FAILED);
	}

	@Test
	void anUnforeseenAdapterErrorIsAnUnknownOutcomeNotALostPayment() {
		firstRequestWithTheKey();
		given(this.provider.charge(any())).willThrow(new IllegalStateException("bug"));
		PaymentSnapshot answer = this.service.create(ORDERS, "k1", this.request);
		assertThat(answer.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.stored.get(answer.id()).getFailureReason()).contains("IllegalStateException");
	}

	@Test
	void replayAnswersAsOriginallyAnsweredWithoutTheProvider() {
		Payment payment = Fixtures.pendingPayment(2500);
		payment.record(new ChargeOutcome.Approved("ch_1"), Fixtures.NOW);
		this.stored.put(payment.getId(), payment);
		given(this.idempotency.find("order-service", "k1"))
			.willReturn(Optional.of(new IdempotencyRecord(this.request.fingerprint(), true, PaymentService.PAYMENT,
					payment.getId(), "PENDING", null)));
		PaymentSnapshot answer = this.service.create(ORDERS, "k1", this.request);
		assertThat(answer.id()).isEqualTo(payment.getId());
		assertThat(answer.status()).isEqualTo(PaymentStatus.PENDING);
		then(this.provider).shouldHaveNoInteractions();
		then(this.payments).should(never()).save(any());
	}

	@Test
	void differentRequestWithTheKeyIsRefusedWithoutTheProvider() {
		given(this.idempotency.find("order-service", "k1")).willReturn(Optional
			.of(new IdempotencyRecord("another", true, PaymentService.PAYMENT, UUID.randomUUID(), "APPROVED", null)));
		assertThatThrownBy(() -> this.service.create(ORDERS, "k1", this.request))
			.isInstanceOf(IdempotencyKeyReusedException.class);
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void requestInFlightIsRefusedWithoutTheProvider() {
		given(this.idempotency.find("order-service", "k1"))
			.willReturn(Optional.of(new IdempotencyRecord(this.request.fingerprint(), false, PaymentService.PAYMENT,
					UUID.randomUUID(), null, null)));
		assertThatThrownBy(() -> this.service.create(ORDERS, "k1", this.request))
			.isInstanceOf(RequestInFlightException.class);
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void unacceptedCurrencyIsRefusedBeforeAnythingIsStored() {
		NewPayment yen = new NewPayment(UUID.randomUUID(), UUID.randomUUID(), new Money(100, "JPY"), "tok_visa");
		assertThatThrownBy(() -> this.service.create(ORDERS, "k1", yen))
			.isInstanceOf(UnsupportedCurrencyException.class)
			.hasMessageContaining("[EUR, USD]");
		then(this.idempotency).shouldHaveNoInteractions();
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void usersSeeOnlyTheirOwnPayments() {
		Payment payment = Fixtures.approvedPayment(100);
		this.stored.put(payment.getId(), payment);
		Caller owner = new Caller(payment.getUserId().toString(), false);
		Caller stranger = new Caller(UUID.randomUUID().toString(), false);
		Caller serviceWithoutScope = new Caller("reporting", false);
		assertThat(this.service.find(owner, payment.getId()).id()).isEqualTo(payment.getId());
		assertThat(this.service.find(ORDERS, payment.getId()).id()).isEqualTo(payment.getId());
		assertThatThrownBy(() -> this.service.find(stranger, payment.getId()))
			.isInstanceOf(PaymentNotFoundException.class);
		assertThatThrownBy(() -> this.service.find(serviceWithoutScope, payment.getId()))
			.isInstanceOf(PaymentNotFoundException.class);
	}

	@Test
	void refundOverWhatIsLeftIsRefusedWithoutTheProvider() {
		Payment payment = Fixtures.approvedPayment(1000);
		this.stored.put(payment.getId(), payment);
		firstRequestWithTheKey();
		given(this.refunds.sumReserved(payment.getId())).willReturn(900L);
		assertThatThrownBy(() -> this.service.refund(ORDERS, "r1", payment.getId(), new Money(101, "EUR")))
			.isInstanceOf(RefundExceedsPaymentException.class);
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void refundIsSentWithTheChargeIdAndItsOwnIdAsKey() {
		Payment payment = Fixtures.approvedPayment(1000);
		this.stored.put(payment.getId(), payment);
		firstRequestWithTheKey();
		Map<UUID, Refund> refundsById = new HashMap<>();
		given(this.refunds.save(any(Refund.class))).willAnswer(invocation -> {
			Refund refund = invocation.getArgument(0);
			refundsById.put(refund.getId(), refund);
			return refund;
		});
		given(this.refunds.findForUpdate(any()))
			.willAnswer(invocation -> Optional.ofNullable(refundsById.get(invocation.<UUID>getArgument(0))));
		given(this.provider.refund(any())).willReturn(new RefundOutcome.Succeeded("re_1"));
		RefundSnapshot answer = this.service.refund(ORDERS, "r1", payment.getId(), new Money(1000, "EUR"));
		assertThat(answer.status()).isEqualTo(RefundStatus.SUCCEEDED);
		then(this.provider).should()
			.refund(new PaymentProvider.RefundRequest(answer.id(), "ch_1", new Money(1000, "EUR")));
	}

}
