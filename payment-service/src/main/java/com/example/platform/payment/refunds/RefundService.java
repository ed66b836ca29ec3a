package com.example.platform.payment.refunds;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentNotFoundException;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.resolver.PendingOperation;
import com.example.platform.support.events.Outbox;
import com.example.platform.support.idempotency.Claim;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotentRequest;
import com.example.platform.support.idempotency.IdempotentRequests;
import com.example.platform.support.operations.OutcomeCounters;
import com.example.platform.support.retry.RetryPolicy;
import com.example.platform.support.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Refunding payments, once per idempotency key, in the same steps as creating a payment:
 * the {@code PENDING} refund and the key's link to it in one transaction, the provider
 * called outside any transaction with the refund id as its idempotency key, the outcome
 * in a second transaction. The refunds of a payment never add up to more than its amount:
 * they are checked and stored while the payment's row is locked.
 */
@Service
public class RefundService {

	static final String REFUND_PAYMENT = "refund-payment";

	private final PaymentRepository payments;

	private final RefundRepository refunds;

	private final RefundProvider provider;

	private final IdempotentRequests idempotency;

	private final TransactionOperations transactions;

	private final RetryPolicy retry;

	private final Clock clock;

	private final OutcomeCounters<RefundStatus> refundCounters;

	private final Outbox outbox;

	public RefundService(PaymentRepository payments, RefundRepository refunds, RefundProvider provider,
			IdempotentRequests idempotency, TransactionOperations transactions, RetryPolicy retry, Clock clock,
			MeterRegistry meters, Outbox outbox) {
		this.outbox = outbox;
		this.payments = payments;
		this.refunds = refunds;
		this.provider = provider;
		this.idempotency = idempotency;
		this.transactions = transactions;
		this.retry = retry;
		this.clock = clock;
		this.refundCounters = new OutcomeCounters<>(meters, "payments.refunds",
				"Refunds sent to the provider, by the outcome answered", RefundStatus.class);
	}

	/**
	 * Refunds (part of) an approved payment, once per idempotency key. A refused refund
	 * (unknown payment, not approved, other currency, more than is left) stores nothing
	 * and leaves the key unused. A replay of a request first answered {@code PENDING}
	 * answers the refund as it stands now: the caller asks again to learn the outcome,
	 * and the refund is still neither repeated nor duplicated.
	 * @param caller the caller; keys are scoped to it
	 * @param key the idempotency key
	 * @param paymentId the payment
	 * @param amount how much
	 * @return the refund as answered (for a replay: the first answer, or the refund as it
	 * stands now if that answer was {@code PENDING})
	 */
	public RefundSnapshot refund(Caller caller, IdempotencyKey key, UUID paymentId, Money amount) {
		IdempotentRequest request = IdempotentRequest.of(caller.subject(), key, REFUND_PAYMENT, paymentId,
				amount.amount(), amount.currency());
		RefundSnapshot answer = this.idempotency.execute(request, RefundSnapshot.class, claim -> {
			// Taken over from a holder that died after storing the refund: that refund.
			Refund refund = claim.resourceId()
				.map(id -> this.refunds.findById(id).orElseThrow())
				.orElseGet(() -> initiate(caller, paymentId, amount, claim));
			return refund.isPending() ? send(refund) : refund.snapshot();
		});
		if (answer.status() != RefundStatus.PENDING) {
			return answer;
		}
		// The stored answer is the first one; the resolver may have settled the refund
		// since. A final state never changes, so only a pending answer is read again.
		return this.refunds.findById(answer.id()).map(Refund::snapshot).orElse(answer);
	}

	private Refund initiate(Caller caller, UUID paymentId, Money amount, Claim claim) {
		return this.transactions.execute(status -> {
			Instant now = now();
			Payment payment = this.payments.findForUpdate(paymentId)
				.filter(found -> found.isVisibleTo(caller))
				.orElseThrow(PaymentNotFoundException::new);
			Refund refund = this.refunds.save(Refund.initiate(UUID.randomUUID(), payment, amount,
					this.refunds.sumReserved(paymentId), now, this.retry.firstAttemptAt(now)));
			claim.link(refund.getId());
			return refund;
		});
	}

	private RefundSnapshot send(Refund refund) {
		Payment payment = this.payments.findById(refund.getPaymentId()).orElseThrow();
		String chargeId = payment.getProviderChargeId();
		RefundOutcome outcome = PendingOperation.safely(() -> this.provider.refund(refund.refundRequest(chargeId)),
				RefundOutcome.Unknown::new);
		RefundSnapshot snapshot = this.transactions.execute(status -> {
			Refund current = this.refunds.findForUpdate(refund.getId()).orElseThrow();
			Instant now = now();
			if (current.record(outcome, now)) {
				this.refunds.save(current);
				if (!current.isPending()) {
					// Settled: the state and the event saying so commit together.
					this.outbox.publish(RefundSettled.of(current, payment.getOrderId(), now));
				}
			}
			return current.snapshot();
		});
		this.refundCounters.increment(snapshot.status());
		return snapshot;
	}

	/**
	 * The current time at the database's precision (microseconds).
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
