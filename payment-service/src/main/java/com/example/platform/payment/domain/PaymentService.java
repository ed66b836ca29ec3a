package com.example.platform.payment.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Creating, reading and refunding payments, idempotently.
 * <p>
 * Each write runs in two short transactions around the provider call, never holding a
 * connection while the provider is called: the first claims the idempotency key and
 * stores the payment (or refund) as {@code PENDING}; the second stores the provider's
 * outcome and the answer. A crash in between leaves a pending operation that the
 * {@link PendingResolver} finishes by asking the provider again with the same idempotency
 * key, which never charges twice.
 */
public class PaymentService {

	static final String PAYMENT = "PAYMENT";

	static final String REFUND = "REFUND";

	private static final Duration POLL = Duration.ofMillis(50);

	private static final Log logger = LogFactory.getLog(PaymentService.class);

	private final PaymentRepository payments;

	private final RefundRepository refunds;

	private final IdempotencyStore idempotency;

	private final PaymentProvider provider;

	private final TransactionOperations transactions;

	private final PaymentPolicy policy;

	private final Clock clock;

	public PaymentService(PaymentRepository payments, RefundRepository refunds, IdempotencyStore idempotency,
			PaymentProvider provider, TransactionOperations transactions, PaymentPolicy policy, Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.idempotency = idempotency;
		this.provider = provider;
		this.transactions = transactions;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Charges a customer, once per idempotency key.
	 * @param caller the caller; keys are scoped to it
	 * @param key the idempotency key
	 * @param request what to charge
	 * @return the payment as answered (for a replay: as originally answered)
	 * @throws IdempotencyKeyReusedException if the key was used for another request
	 * @throws RequestInFlightException if the first request with the key is still running
	 */
	public PaymentSnapshot create(Caller caller, String key, NewPayment request) {
		this.policy.requireAccepted(request.amount());
		String fingerprint = request.fingerprint();
		UUID reserved = UUID.randomUUID();
		IdempotencyDecision decision = this.transactions.execute(status -> {
			Instant now = now();
			if (this.idempotency.claim(caller.subject(), key, fingerprint, PAYMENT, reserved, now)) {
				this.payments.save(Payment.initiate(reserved, request.orderId(), request.userId(), request.amount(),
						request.paymentMethod(), now, this.policy.retry().firstAttemptAt(now)));
				return new IdempotencyDecision.Proceed(reserved);
			}
			return existing(caller, key, fingerprint);
		});
		return switch (decision) {
			case IdempotencyDecision.Proceed proceed -> charge(caller, key, proceed.resourceId(), request);
			case IdempotencyDecision.Replay replay -> replayPayment(replay);
			case IdempotencyDecision.Mismatch mismatch -> throw new IdempotencyKeyReusedException();
			case IdempotencyDecision.InFlight inFlight -> replayPayment(awaitAnswer(caller, key, fingerprint));
		};
	}

	/**
	 * @param caller the caller
	 * @param id the payment id
	 * @return the payment as it stands now
	 * @throws PaymentNotFoundException if there is none the caller may see
	 */
	public PaymentSnapshot find(Caller caller, UUID id) {
		return this.payments.findById(id)
			.filter(caller::maySee)
			.map(Payment::snapshot)
			.orElseThrow(PaymentNotFoundException::new);
	}

	/**
	 * @param caller the caller
	 * @param orderId the order
	 * @return the order's payments the caller may see, oldest first
	 * @throws PaymentNotFoundException if there are none
	 */
	public List<PaymentSnapshot> findByOrder(Caller caller, UUID orderId) {
		List<PaymentSnapshot> found = this.payments.findByOrderIdOrderByCreatedAtAsc(orderId)
			.stream()
			.filter(caller::maySee)
			.map(Payment::snapshot)
			.toList();
		if (found.isEmpty()) {
			throw new PaymentNotFoundException("No payment for this order.");
		}
		return found;
	}

	/**
	 * Refunds (part of) an approved payment, once per idempotency key. The refunds of a
	 * payment never add up to more than its amount: they are checked and stored while the
	 * payment's row is locked.
	 * @param caller the caller; keys are scoped to it
	 * @param key the idempotency key
	 * @param paymentId the payment
	 * @param amount how much
	 * @return the refund as answered (for a replay: as originally answered)
	 */
	public RefundSnapshot refund(Caller caller, String key, UUID paymentId, Money amount) {
		String fingerprint = RequestFingerprint.of("refund-payment", paymentId, amount.amount(), amount.currency());
		UUID reserved = UUID.randomUUID();
		RefundStart start = this.transactions.execute(status -> {
			Instant now = now();
			if (this.idempotency.claim(caller.subject(), key, fingerprint, REFUND, reserved, now)) {
				// Any exception from here on rolls the claim back too: a refused refund
				// leaves the key unused.
				Payment payment = this.payments.findForUpdate(paymentId)
					.filter(caller::maySee)
					.orElseThrow(PaymentNotFoundException::new);
				payment.checkRefundable(amount, this.refunds.sumReserved(paymentId));
				this.refunds
					.save(Refund.initiate(reserved, paymentId, amount, now, this.policy.retry().firstAttemptAt(now)));
				return new RefundStart(new IdempotencyDecision.Proceed(reserved), payment.getProviderChargeId());
			}
			return new RefundStart(existing(caller, key, fingerprint), null);
		});
		return switch (start.decision()) {
			case IdempotencyDecision.Proceed proceed -> executeRefund(caller, key,
					new PaymentProvider.RefundRequest(proceed.resourceId(), start.chargeId(), amount));
			case IdempotencyDecision.Replay replay -> replayRefund(replay);
			case IdempotencyDecision.Mismatch mismatch -> throw new IdempotencyKeyReusedException();
			case IdempotencyDecision.InFlight inFlight -> replayRefund(awaitAnswer(caller, key, fingerprint));
		};
	}

	/**
	 * Forgets answered idempotency keys past their retention.
	 * @return how many were purged
	 */
	public int purgeExpiredIdempotencyKeys() {
		return this.idempotency.purgeCompletedBefore(now().minus(this.policy.idempotencyRetention()));
	}

	private PaymentSnapshot charge(Caller caller, String key, UUID paymentId, NewPayment request) {
		ChargeOutcome outcome = ask(
				() -> this.provider
					.charge(new PaymentProvider.ChargeRequest(paymentId, request.amount(), request.paymentMethod())),
				reason -> new ChargeOutcome.Unknown(null, reason));
		return this.transactions.execute(status -> {
			Instant now = now();
			Payment payment = this.payments.findForUpdate(paymentId).orElseThrow();
			payment.record(outcome, now);
			PaymentSnapshot answer = payment.snapshot();
			this.idempotency.complete(caller.subject(), key, answer.status().name(), answer.declineCode(), now);
			return answer;
		});
	}

	private RefundSnapshot executeRefund(Caller caller, String key, PaymentProvider.RefundRequest request) {
		RefundOutcome outcome = ask(() -> this.provider.refund(request), RefundOutcome.Unknown::new);
		return this.transactions.execute(status -> {
			Instant now = now();
			Refund refund = this.refunds.findForUpdate(request.reference()).orElseThrow();
			refund.record(outcome, now);
			RefundSnapshot answer = refund.snapshot();
			this.idempotency.complete(caller.subject(), key, answer.status().name(), null, now);
			return answer;
		});
	}

	/**
	 * Calls the provider; the adapter maps every answer to an outcome, and anything it
	 * did not foresee still becomes "unknown" rather than an error that would leave the
	 * caller without an answer.
	 */
	static <T> T ask(Supplier<T> call, java.util.function.Function<String, T> unknown) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			logger.warn("Payment provider call failed unexpectedly; the outcome is unknown", ex);
			return unknown.apply("Provider call failed: " + ex.getClass().getSimpleName());
		}
	}

	private IdempotencyDecision existing(Caller caller, String key, String fingerprint) {
		IdempotencyRecord stored = this.idempotency.find(caller.subject(), key)
			.orElseThrow(() -> new IllegalStateException("Idempotency key vanished while it was claimed"));
		return IdempotencyDecision.forExisting(stored, fingerprint);
	}

	/**
	 * Waits (without a transaction or connection) for the first request with the key to
	 * be answered, up to the configured time.
	 */
	private IdempotencyDecision.Replay awaitAnswer(Caller caller, String key, String fingerprint) {
		long deadline = System.nanoTime() + this.policy.inFlightWait().toNanos();
		while (System.nanoTime() < deadline) {
			LockSupport.parkNanos(POLL.toNanos());
			IdempotencyDecision decision = existing(caller, key, fingerprint);
			if (decision instanceof IdempotencyDecision.Replay replay) {
				return replay;
			}
		}
		throw new RequestInFlightException();
	}

	private PaymentSnapshot replayPayment(IdempotencyDecision.Replay replay) {
		Payment payment = this.payments.findById(replay.resourceId()).orElseThrow();
		return payment.snapshot().asAnswered(PaymentStatus.valueOf(replay.status()), replay.code());
	}

	private RefundSnapshot replayRefund(IdempotencyDecision.Replay replay) {
		Refund refund = this.refunds.findById(replay.resourceId()).orElseThrow();
		return refund.snapshot().asAnswered(RefundStatus.valueOf(replay.status()));
	}

	private record RefundStart(IdempotencyDecision decision, String chargeId) {
	}

	/**
	 * The current time at the database's precision (microseconds), so an answer built
	 * from memory equals the same answer read back.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
