package com.example.platform.payment.payments;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.example.platform.payment.TestClaim;
import com.example.platform.support.events.Outbox;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotencyKeyReusedException;
import com.example.platform.support.idempotency.IdempotentRequest;
import com.example.platform.support.idempotency.IdempotentRequests;
import com.example.platform.support.idempotency.InvalidIdempotencyKeyException;
import com.example.platform.support.idempotency.RequestInFlightException;
import com.example.platform.support.security.Caller;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The payment use cases with the provider port, the repository and the idempotency
 * mechanism mocked: how each provider outcome ends, what a request taking over a dead
 * holder's key does, and that what the mechanism answers itself never reaches the
 * provider.
 */
class PaymentServiceTests {

	private static final Caller ORDERS = new Caller.Service("order-service", Set.of("internal"));

	private final PaymentRepository payments = mock(PaymentRepository.class);

	private final PaymentProvider provider = mock(PaymentProvider.class);

	private final IdempotentRequests idempotency = mock(IdempotentRequests.class);

	private final Outbox outbox = mock(Outbox.class);

	/** Rows, not objects, as in the database: a change that is not saved is lost. */
	private final Map<UUID, Payment.Stored> stored = new HashMap<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PaymentService service = new PaymentService(this.payments, this.provider, this.idempotency,
			TransactionOperations.withoutTransaction(), new PaymentPolicy(Set.of("EUR", "USD")), Payments.RETRY,
			Clock.fixed(Payments.NOW, ZoneOffset.UTC), this.meters, this.outbox);

	private final NewPayment request = new NewPayment(UUID.randomUUID(), UUID.randomUUID(), new Money(2500, "EUR"),
			"tok_visa");

	@BeforeEach
	void storeInMemory() {
		given(this.payments.save(any(Payment.class))).willAnswer(invocation -> store(invocation.getArgument(0)));
		given(this.payments.findForUpdate(any())).willAnswer(invocation -> read(invocation.getArgument(0)));
		given(this.payments.findById(any())).willAnswer(invocation -> read(invocation.getArgument(0)));
	}

	private Payment store(Payment payment) {
		Long version = payment.stored().version();
		payment.storedAs((version != null) ? version + 1 : 0);
		this.stored.put(payment.getId(), payment.stored());
		return payment;
	}

	private Optional<Payment> read(UUID id) {
		return Optional.ofNullable(this.stored.get(id)).map(Payment::restore);
	}

	@Test
	void approvedChargeIsAnsweredAndThePaymentLinkedToTheCallersKey() {
		TestClaim claim = TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Approved("ch_1"));
		PaymentSnapshot answer = this.service.create(ORDERS, new IdempotencyKey("k1"), this.request);
		assertThat(answer.status()).isEqualTo(PaymentStatus.APPROVED);
		assertThat(this.stored.get(answer.id()).status()).as("stored").isEqualTo(PaymentStatus.APPROVED);
		assertThat(this.stored.get(answer.id()).providerChargeId()).isEqualTo("ch_1");
		assertThat(claim.linked()).containsExactly(answer.id());
		then(this.payments).should(never()).findForUpdate(any());
		then(this.provider).should()
			.charge(new PaymentProvider.ChargeRequest(answer.id(), new Money(2500, "EUR"), "tok_visa"));
		then(this.idempotency).should()
			.execute(eq(IdempotentRequest.of("order-service", "k1", "create-payment", this.request.orderId(),
					this.request.userId(), 2500L, "EUR", "tok_visa")), eq(PaymentSnapshot.class), any());
		PaymentSettled settled = publishedEvent();
		assertThat(settled.key()).isEqualTo(answer.id().toString());
		assertThat(settled.occurredAt()).isEqualTo(Payments.NOW);
		assertThat(settled.payload()).isEqualTo(new PaymentSettled.Payload(answer.id(), this.request.orderId(),
				this.request.userId(), "APPROVED", new Money(2500, "EUR"), null));
		assertThat(chargesCounted("approved")).isEqualTo(1);
	}

	private double chargesCounted(String outcome) {
		return this.meters.get("payments.charges").tag("outcome", outcome).counter().count();
	}

	private PaymentSettled publishedEvent() {
		ArgumentCaptor<PaymentSettled> event = ArgumentCaptor.forClass(PaymentSettled.class);
		then(this.outbox).should().publish(event.capture());
		assertThat(event.getValue().type()).isEqualTo("PaymentSettled");
		assertThat(event.getValue().topic()).isEqualTo("payments.v1");
		return event.getValue();
	}

	@Test
	void outcomeIsStoredOnTheLockedPaymentWhenItChangedSinceThisRequestStoredIt() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Approved("ch_1"));
		AtomicInteger saves = new AtomicInteger();
		willAnswer(invocation -> {
			if (saves.incrementAndGet() == 2) {
				throw new OptimisticLockingFailureException("the resolver changed it");
			}
			return store(invocation.getArgument(0));
		}).given(this.payments).save(any(Payment.class));

		PaymentSnapshot answer = this.service.create(ORDERS, new IdempotencyKey("k1"), this.request);

		assertThat(answer.status()).isEqualTo(PaymentStatus.APPROVED);
		assertThat(this.stored.get(answer.id()).status()).as("stored").isEqualTo(PaymentStatus.APPROVED);
		then(this.payments).should().findForUpdate(answer.id());
		assertThat(publishedEvent().payload().status()).as("one event").isEqualTo("APPROVED");
	}

	@Test
	void outcomeOfAPaymentTheResolverSettledMeanwhileIsNeitherStoredNorPublishedAgain() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Approved("ch_1"));
		AtomicInteger saves = new AtomicInteger();
		willAnswer(invocation -> {
			Payment payment = invocation.getArgument(0);
			if (saves.incrementAndGet() == 2) {
				Payment resolved = read(payment.getId()).orElseThrow();
				resolved.record(new ChargeOutcome.Approved("ch_1"), Payments.NOW);
				store(resolved);
				throw new OptimisticLockingFailureException("the resolver settled it");
			}
			return store(payment);
		}).given(this.payments).save(any(Payment.class));

		PaymentSnapshot answer = this.service.create(ORDERS, new IdempotencyKey("k1"), this.request);

		assertThat(answer.status()).isEqualTo(PaymentStatus.APPROVED);
		assertThat(saves).as("no save after the resolver's").hasValue(2);
		// The resolver published the event when it settled the payment.
		then(this.outbox).shouldHaveNoInteractions();
		assertThat(chargesCounted("approved")).isEqualTo(1);
	}

	@Test
	void declinedChargeIsAnsweredWithItsCode() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Declined("ch_1", "insufficient_funds"));
		PaymentSnapshot answer = this.service.create(ORDERS, new IdempotencyKey("k1"), this.request);
		assertThat(answer.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(answer.declineCode()).isEqualTo("insufficient_funds");
		assertThat(this.stored.get(answer.id()).declineCode()).as("stored").isEqualTo("insufficient_funds");
		assertThat(publishedEvent().payload().declineCode()).isEqualTo("insufficient_funds");
	}

	@Test
	void unknownOutcomeIsAnsweredPending() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Unknown(null, "HTTP 500"));
		PaymentSnapshot answer = this.service.create(ORDERS, new IdempotencyKey("k1"), this.request);
		assertThat(answer.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.stored.get(answer.id()).failureReason()).isEqualTo("HTTP 500");
		then(this.outbox).should(never()).publish(any());
	}

	@Test
	void providerRefusingTheRequestFailsThePayment() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Rejected("HTTP 401"));
		assertThat(this.service.create(ORDERS, new IdempotencyKey("k1"), this.request).status())
			.isEqualTo(PaymentStatus.FAILED);
		assertThat(publishedEvent().payload().status()).isEqualTo("FAILED");
	}

	@Test
	void anUnforeseenAdapterErrorIsAnUnknownOutcomeNotALostPayment() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.charge(any())).willThrow(new IllegalStateException("bug"));
		PaymentSnapshot answer = this.service.create(ORDERS, new IdempotencyKey("k1"), this.request);
		assertThat(answer.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.stored.get(answer.id()).failureReason()).contains("IllegalStateException");
	}

	@Test
	void takingOverAPendingPaymentChargesItAgainWithTheSameReferenceInsteadOfStoringANewOne() {
		Payment pending = store(Payments.pending(2500));
		TestClaim claim = TestClaim.takenOverWith(pending.getId()).runsWorkOf(this.idempotency);
		given(this.provider.charge(any())).willReturn(new ChargeOutcome.Approved("ch_1"));
		PaymentSnapshot answer = this.service.create(ORDERS, new IdempotencyKey("k1"), this.request);
		assertThat(answer.id()).isEqualTo(pending.getId());
		assertThat(answer.status()).isEqualTo(PaymentStatus.APPROVED);
		then(this.provider).should().charge(pending.chargeRequest());
		assertThat(this.stored).as("no second payment").containsOnlyKeys(pending.getId());
		assertThat(this.stored.get(pending.getId()).status()).isEqualTo(PaymentStatus.APPROVED);
		assertThat(claim.linked()).isEmpty();
	}

	@Test
	void takingOverASettledPaymentAnswersItWithoutTheProvider() {
		Payment approved = store(Payments.approved(2500));
		TestClaim.takenOverWith(approved.getId()).runsWorkOf(this.idempotency);
		PaymentSnapshot answer = this.service.create(ORDERS, new IdempotencyKey("k1"), this.request);
		assertThat(answer).isEqualTo(approved.snapshot());
		then(this.provider).shouldHaveNoInteractions();
		then(this.payments).should(never()).save(any());
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void whatTheMechanismAnswersItselfNeverReachesTheProvider() {
		PaymentSnapshot first = Payments.approved(2500).snapshot();
		given(this.idempotency.execute(any(), eq(PaymentSnapshot.class), any())).willReturn(first);
		assertThat(this.service.create(ORDERS, new IdempotencyKey("k1"), this.request)).isEqualTo(first);
		given(this.idempotency.execute(any(), eq(PaymentSnapshot.class), any()))
			.willThrow(new IdempotencyKeyReusedException());
		assertThatThrownBy(() -> this.service.create(ORDERS, new IdempotencyKey("k1"), this.request))
			.isInstanceOf(IdempotencyKeyReusedException.class);
		given(this.idempotency.execute(any(), eq(PaymentSnapshot.class), any()))
			.willThrow(new RequestInFlightException(Payments.RETRY.backoff()));
		assertThatThrownBy(() -> this.service.create(ORDERS, new IdempotencyKey("k1"), this.request))
			.isInstanceOf(RequestInFlightException.class);
		then(this.provider).shouldHaveNoInteractions();
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void malformedKeyIsRefusedBeforeAnythingIsStored() {
		for (String key : List.of("", "k".repeat(256), "with space")) {
			assertThatThrownBy(() -> this.service.create(ORDERS, new IdempotencyKey(key), this.request))
				.isInstanceOf(InvalidIdempotencyKeyException.class);
		}
		then(this.idempotency).shouldHaveNoInteractions();
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void unacceptedCurrencyIsRefusedBeforeAnythingIsStored() {
		NewPayment yen = new NewPayment(UUID.randomUUID(), UUID.randomUUID(), new Money(100, "JPY"), "tok_visa");
		assertThatThrownBy(() -> this.service.create(ORDERS, new IdempotencyKey("k1"), yen))
			.isInstanceOf(UnsupportedCurrencyException.class)
			.hasMessageContaining("[EUR, USD]");
		then(this.idempotency).shouldHaveNoInteractions();
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void usersSeeOnlyTheirOwnPayments() {
		Payment payment = store(Payments.approved(100));
		Caller owner = new Caller.User(payment.getUserId(), Set.of());
		Caller stranger = new Caller.User(UUID.randomUUID(), Set.of());
		Caller serviceWithoutScope = new Caller.Service("reporting", Set.of());
		assertThat(this.service.find(owner, payment.getId()).id()).isEqualTo(payment.getId());
		assertThat(this.service.find(ORDERS, payment.getId()).id()).isEqualTo(payment.getId());
		assertThatThrownBy(() -> this.service.find(stranger, payment.getId()))
			.isInstanceOf(PaymentNotFoundException.class);
		assertThatThrownBy(() -> this.service.find(serviceWithoutScope, payment.getId()))
			.isInstanceOf(PaymentNotFoundException.class);
	}

	@Test
	void anOrderWithoutPaymentsTheCallerMaySeeIsNotFound() {
		Payment payment = Payments.approved(100);
		given(this.payments.findByOrderOldestFirst(payment.getOrderId())).willReturn(List.of(payment));
		assertThat(this.service.findByOrder(ORDERS, payment.getOrderId())).containsExactly(payment.snapshot());
		assertThatThrownBy(
				() -> this.service.findByOrder(new Caller.User(UUID.randomUUID(), Set.of()), payment.getOrderId()))
			.isInstanceOf(PaymentNotFoundException.class);
	}

}
