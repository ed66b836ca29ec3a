package com.example.platform.payment.refunds;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.platform.payment.TestClaim;
import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentNotFoundException;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.payments.Payments;
import com.example.platform.support.events.Outbox;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotentRequest;
import com.example.platform.support.idempotency.IdempotentRequests;
import com.example.platform.support.security.Caller;

import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The refund use case with the provider port, the repositories and the idempotency
 * mechanism mocked.
 */
class RefundServiceTests {

	private static final Caller ORDERS = new Caller.Service("order-service", Set.of("internal"));

	private final PaymentRepository payments = mock(PaymentRepository.class);

	private final RefundRepository refunds = mock(RefundRepository.class);

	private final RefundProvider provider = mock(RefundProvider.class);

	private final IdempotentRequests idempotency = mock(IdempotentRequests.class);

	/** Rows, not objects, as in the database: a change that is not saved is lost. */
	private final Map<UUID, Refund.Stored> stored = new HashMap<>();

	private final Outbox outbox = mock(Outbox.class);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RefundService service = new RefundService(this.payments, this.refunds, this.provider,
			this.idempotency, TransactionOperations.withoutTransaction(), Payments.RETRY,
			Clock.fixed(Payments.NOW, ZoneOffset.UTC), this.meters, this.outbox);

	private final UUID orderId = UUID.randomUUID();

	private final Payment payment = Payments.approved(this.orderId, 1000);

	@BeforeEach
	void storeInMemory() {
		given(this.payments.findForUpdate(this.payment.getId())).willReturn(Optional.of(this.payment));
		given(this.payments.findById(this.payment.getId())).willReturn(Optional.of(this.payment));
		given(this.refunds.save(any(Refund.class))).willAnswer(invocation -> store(invocation.getArgument(0)));
		given(this.refunds.findForUpdate(any())).willAnswer(invocation -> read(invocation.getArgument(0)));
		given(this.refunds.findById(any())).willAnswer(invocation -> read(invocation.getArgument(0)));
	}

	private Refund store(Refund refund) {
		Long version = refund.stored().version();
		refund.storedAs((version != null) ? version + 1 : 0);
		this.stored.put(refund.getId(), refund.stored());
		return refund;
	}

	private Optional<Refund> read(UUID id) {
		return Optional.ofNullable(this.stored.get(id)).map(Refund::restore);
	}

	@Test
	void refundIsSentWithTheChargeIdAndItsOwnIdAsKeyAndLinkedToTheCallersKey() {
		TestClaim claim = TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.refund(any())).willReturn(new RefundOutcome.Succeeded("re_1"));
		RefundSnapshot answer = this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(),
				new Money(1000, "EUR"));
		assertThat(answer.status()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(this.stored.get(answer.id()).status()).as("stored").isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(this.stored.get(answer.id()).providerRefundId()).isEqualTo("re_1");
		assertThat(claim.linked()).containsExactly(answer.id());
		then(this.provider).should()
			.refund(new RefundProvider.RefundRequest(answer.id(), "ch_1", new Money(1000, "EUR")));
		then(this.idempotency).should()
			.execute(eq(
					IdempotentRequest.of("order-service", "r1", "refund-payment", this.payment.getId(), 1000L, "EUR")),
					eq(RefundSnapshot.class), any());
		then(this.outbox).should()
			.publish(argThat(event -> event instanceof RefundSettled settled && settled.topic().equals("payments.v1")
					&& settled.key().equals(this.payment.getId().toString())
					&& settled.payload()
						.equals(new RefundSettled.Payload(answer.id(), this.payment.getId(), this.orderId, "SUCCEEDED",
								new Money(1000, "EUR"), null))));
		assertThat(refundsCounted("succeeded")).isEqualTo(1);
	}

	private double refundsCounted(String outcome) {
		return this.meters.get("payments.refunds").tag("outcome", outcome).counter().count();
	}

	@Test
	void outcomeOfARefundTheResolverSettledMeanwhileIsNeitherStoredNorPublishedAgain() {
		Refund pending = store(Refunds.pending(this.payment, 400));
		TestClaim.takenOverWith(pending.getId()).runsWorkOf(this.idempotency);
		given(this.provider.refund(any())).willAnswer(invocation -> {
			Refund resolved = read(pending.getId()).orElseThrow();
			resolved.record(new RefundOutcome.Succeeded("re_1"), Payments.NOW);
			store(resolved);
			return new RefundOutcome.Succeeded("re_1");
		});
		RefundSnapshot answer = this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(),
				new Money(400, "EUR"));
		assertThat(answer.status()).isEqualTo(RefundStatus.SUCCEEDED);
		then(this.refunds).should(never()).save(any());
		// The resolver published the event when it settled the refund.
		then(this.outbox).shouldHaveNoInteractions();
		assertThat(refundsCounted("succeeded")).isEqualTo(1);
	}

	@Test
	void aRefusedRefundIsPublishedWithTheProvidersReason() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.refund(any()))
			.willReturn(new RefundOutcome.Failed("The provider refused the refund: charge_disputed"));
		RefundSnapshot answer = this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(),
				new Money(1000, "EUR"));
		assertThat(answer.status()).isEqualTo(RefundStatus.FAILED);
		then(this.outbox).should()
			.publish(argThat(
					event -> event instanceof RefundSettled settled && settled.payload().status().equals("FAILED")
							&& "The provider refused the refund: charge_disputed".equals(settled.payload().reason())));
	}

	@Test
	void aRefundWithoutAnOutcomeYetIsNotPublished() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.provider.refund(any())).willReturn(new RefundOutcome.Unknown("HTTP 503"));
		RefundSnapshot answer = this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(),
				new Money(1000, "EUR"));
		assertThat(answer.status()).isEqualTo(RefundStatus.PENDING);
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void aReplayOfAPendingAnswerAnswersTheRefundAsItStandsNow() {
		Refund refund = Refunds.pending(this.payment, 1000);
		RefundSnapshot firstAnswer = refund.snapshot();
		refund.record(new RefundOutcome.Succeeded("re_1"), Payments.NOW);
		store(refund);
		given(this.idempotency.execute(any(), eq(RefundSnapshot.class), any())).willReturn(firstAnswer);
		RefundSnapshot replay = this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(),
				new Money(1000, "EUR"));
		assertThat(replay.id()).isEqualTo(refund.getId());
		assertThat(replay.status()).isEqualTo(RefundStatus.SUCCEEDED);
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void aReplayOfASettledAnswerIsTheFirstAnswerWithoutReadingTheRefundAgain() {
		RefundSnapshot firstAnswer = new RefundSnapshot(UUID.randomUUID(), this.payment.getId(), new Money(1000, "EUR"),
				RefundStatus.SUCCEEDED);
		given(this.idempotency.execute(any(), eq(RefundSnapshot.class), any())).willReturn(firstAnswer);
		assertThat(this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(), new Money(1000, "EUR")))
			.isEqualTo(firstAnswer);
		// A final state never changes: only a pending answer is worth a read.
		then(this.refunds).shouldHaveNoInteractions();
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void refusedRefundPropagatesBeforeAnythingIsLinkedSoTheKeyIsFreed() {
		TestClaim claim = TestClaim.fresh().runsWorkOf(this.idempotency);
		given(this.refunds.sumReserved(this.payment.getId())).willReturn(900L);
		assertThatThrownBy(() -> this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(),
				new Money(101, "EUR")))
			.isInstanceOf(RefundExceedsPaymentException.class);
		assertThat(claim.linked()).isEmpty();
		then(this.refunds).should(never()).save(any());
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void refundOfAPaymentTheCallerMayNotSeeIsNotFound() {
		TestClaim.fresh().runsWorkOf(this.idempotency);
		Caller stranger = new Caller.User(UUID.randomUUID(), Set.of());
		assertThatThrownBy(() -> this.service.refund(stranger, new IdempotencyKey("r1"), this.payment.getId(),
				new Money(1, "EUR")))
			.isInstanceOf(PaymentNotFoundException.class);
		then(this.provider).shouldHaveNoInteractions();
	}

	@Test
	void takingOverAPendingRefundSendsItAgainWithTheSameReferenceInsteadOfStoringANewOne() {
		Refund pending = store(Refunds.pending(this.payment, 400));
		TestClaim.takenOverWith(pending.getId()).runsWorkOf(this.idempotency);
		given(this.provider.refund(any())).willReturn(new RefundOutcome.Succeeded("re_1"));
		RefundSnapshot answer = this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(),
				new Money(400, "EUR"));
		assertThat(answer.id()).isEqualTo(pending.getId());
		assertThat(answer.status()).isEqualTo(RefundStatus.SUCCEEDED);
		then(this.provider).should().refund(pending.refundRequest("ch_1"));
		assertThat(this.stored).as("no second refund").containsOnlyKeys(pending.getId());
		assertThat(this.stored.get(pending.getId()).status()).isEqualTo(RefundStatus.SUCCEEDED);
	}

	@Test
	void takingOverASettledRefundAnswersItWithoutTheProvider() {
		Refund settled = Refunds.pending(this.payment, 400);
		settled.record(new RefundOutcome.Succeeded("re_1"), Payments.NOW);
		store(settled);
		TestClaim.takenOverWith(settled.getId()).runsWorkOf(this.idempotency);
		assertThat(this.service.refund(ORDERS, new IdempotencyKey("r1"), this.payment.getId(), new Money(400, "EUR")))
			.isEqualTo(settled.snapshot());
		then(this.provider).shouldHaveNoInteractions();
		then(this.refunds).should(never()).save(any());
	}

}
