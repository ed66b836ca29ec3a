package com.example.platform.payment.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import com.example.platform.payment.resolver.PendingOperation;
import com.example.platform.support.events.Outbox;
import com.example.platform.support.idempotency.Claim;
import com.example.platform.support.idempotency.IdempotencyKeyReusedException;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotentRequest;
import com.example.platform.support.idempotency.IdempotentRequests;
import com.example.platform.support.idempotency.InvalidIdempotencyKeyException;
import com.example.platform.support.idempotency.RequestInFlightException;
import com.example.platform.support.operations.OutcomeCounters;
import com.example.platform.support.retry.RetryPolicy;
import com.example.platform.support.security.Caller;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Creating and reading payments; creating runs once per idempotency key.
 * <p>
 * Creating never holds a transaction or connection while the provider is called: the
 * {@code PENDING} payment is stored in one transaction together with the key's link to
 * it, the provider is called with the payment id as its idempotency key, and its outcome
 * is stored in a second transaction. If the request dies in between, a retry with the
 * same key takes the request over and finds the payment (answering it, or charging again
 * with the same reference, which the provider never executes twice), and the resolver
 * settles it meanwhile.
 */
@Service
public class PaymentService {

	static final String CREATE_PAYMENT = "create-payment";

	private final PaymentRepository payments;

	private final PaymentProvider provider;

	private final IdempotentRequests idempotency;

	private final TransactionOperations transactions;

	private final PaymentPolicy policy;

	private final RetryPolicy retry;

	private final Clock clock;

	private final OutcomeCounters<PaymentStatus> charges;

	private final Outbox outbox;

	public PaymentService(PaymentRepository payments, PaymentProvider provider, IdempotentRequests idempotency,
			TransactionOperations transactions, PaymentPolicy policy, RetryPolicy retry, Clock clock,
			MeterRegistry meters, Outbox outbox) {
		this.outbox = outbox;
		this.payments = payments;
		this.provider = provider;
		this.idempotency = idempotency;
		this.transactions = transactions;
		this.policy = policy;
		this.retry = retry;
		this.clock = clock;
		this.charges = new OutcomeCounters<>(meters, "payments.charges",
				"Charges sent to the provider, by the outcome answered", PaymentStatus.class);
	}

	/**
	 * Charges a customer, once per idempotency key.
	 * @param caller the caller; keys are scoped to it
	 * @param key the idempotency key
	 * @param request what to charge
	 * @return the payment as answered (for a replay: the first answer)
	 * @throws InvalidIdempotencyKeyException if the key is malformed
	 * @throws IdempotencyKeyReusedException if the key was used for another request
	 * @throws RequestInFlightException if the first request with the key is still running
	 */
	public PaymentSnapshot create(Caller caller, IdempotencyKey key, NewPayment request) {
		IdempotentRequest idempotent = IdempotentRequest.of(caller.subject(), key, CREATE_PAYMENT,
				request.fingerprintFields());
		this.policy.requireAccepted(request.amount());
		return this.idempotency.execute(idempotent, PaymentSnapshot.class, claim -> {
			// Taken over from a holder that died after storing the payment: that payment,
			// never a second one.
			Payment payment = claim.resourceId()
				.map(id -> this.payments.findById(id).orElseThrow())
				.orElseGet(() -> initiate(request, claim));
			return payment.isPending() ? charge(payment) : payment.snapshot();
		});
	}

	/**
	 * @param caller the caller
	 * @param id the payment id
	 * @return the payment as it stands now
	 * @throws PaymentNotFoundException if there is none the caller may see
	 */
	public PaymentSnapshot find(Caller caller, UUID id) {
		return this.payments.findById(id)
			.filter(payment -> payment.isVisibleTo(caller))
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
		List<PaymentSnapshot> found = this.payments.findByOrderOldestFirst(orderId)
			.stream()
			.filter(payment -> payment.isVisibleTo(caller))
			.map(Payment::snapshot)
			.toList();
		if (found.isEmpty()) {
			throw new PaymentNotFoundException("No payment for this order.");
		}
		return found;
	}

	private Payment initiate(NewPayment request, Claim claim) {
		return this.transactions.execute(status -> {
			Instant now = now();
			Payment payment = this.payments.save(Payment.initiate(UUID.randomUUID(), request.orderId(),
					request.userId(), request.amount(), request.paymentMethod(), now, this.retry.firstAttemptAt(now)));
			claim.link(payment.getId());
			return payment;
		});
	}

	private PaymentSnapshot charge(Payment payment) {
		ChargeOutcome outcome = PendingOperation.safely(() -> this.provider.charge(payment.chargeRequest()),
				reason -> new ChargeOutcome.Unknown(null, reason));
		PaymentSnapshot snapshot;
		try {
			// The payment as this request stored (or read) it: the update's version
			// check tells whether anyone changed it since, without reading it again.
			snapshot = recordOn(payment, outcome);
		}
		catch (OptimisticLockingFailureException ex) {
			// The resolver got there first: record on the stored payment, locked.
			snapshot = this.transactions
				.execute(status -> recordOn(this.payments.findForUpdate(payment.getId()).orElseThrow(), outcome));
		}
		this.charges.increment(snapshot.status());
		return snapshot;
	}

	private PaymentSnapshot recordOn(Payment payment, ChargeOutcome outcome) {
		Instant now = now();
		if (!payment.record(outcome, now)) {
			return payment.snapshot();
		}
		if (payment.isPending()) {
			// Still open (outcome unknown): one statement, no event.
			this.payments.save(payment);
			return payment.snapshot();
		}
		// Settled: the state and the event saying so commit together.
		return this.transactions.execute(status -> {
			this.payments.save(payment);
			PaymentSnapshot settled = payment.snapshot();
			this.outbox.publish(PaymentSettled.of(settled, now));
			return settled;
		});
	}

	/**
	 * The current time at the database's precision (microseconds), so an answer built
	 * from memory equals the same answer read back.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
