package com.example.platform.payment.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Finds the real outcome of pending payments and refunds by asking the provider again: a
 * charge whose id is known is looked up, otherwise the original request is repeated with
 * the same idempotency key, which the provider answers with the original outcome (or
 * processes now, if it never received it) and never executes twice. Bounded attempts with
 * backoff; after the last one the operation fails with the reason recorded.
 * <p>
 * Due rows are claimed with {@code FOR UPDATE SKIP LOCKED} and their next attempt is
 * scheduled before the provider is called, so several instances share the work and a
 * crash mid-attempt only delays it.
 */
public class PendingResolver {

	private static final Log logger = LogFactory.getLog(PendingResolver.class);

	private final PaymentRepository payments;

	private final RefundRepository refunds;

	private final IdempotencyStore idempotency;

	private final PaymentProvider provider;

	private final TransactionOperations transactions;

	private final RetryPolicy policy;

	private final Clock clock;

	public PendingResolver(PaymentRepository payments, RefundRepository refunds, IdempotencyStore idempotency,
			PaymentProvider provider, TransactionOperations transactions, RetryPolicy policy, Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.idempotency = idempotency;
		this.provider = provider;
		this.transactions = transactions;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * One resolver run, on the configured interval.
	 */
	@Scheduled(fixedDelayString = "${platform.payments.resolver.interval:15s}",
			initialDelayString = "${platform.payments.resolver.interval:15s}")
	public void resolveDue() {
		try {
			resolvePayments();
			resolveRefunds();
		}
		catch (RuntimeException ex) {
			// The next run tries again; nothing was lost, the rows are still pending.
			logger.error("Resolver run failed", ex);
		}
	}

	/**
	 * Takes one attempt at each due pending payment.
	 * @return how many payments were attempted
	 */
	public int resolvePayments() {
		List<Payment> due = this.transactions.execute(status -> {
			Instant now = now();
			List<Payment> found = this.payments.findDueForResolver(now, PageRequest.of(0, this.policy.batchSize()));
			found.forEach(payment -> payment.startResolverAttempt(now, this.policy));
			return found;
		});
		for (Payment payment : due) {
			ChargeOutcome outcome = PaymentService.ask(() -> askAbout(payment),
					reason -> new ChargeOutcome.Unknown(null, reason));
			this.transactions.executeWithoutResult(status -> {
				Instant now = now();
				Payment current = this.payments.findForUpdate(payment.getId()).orElseThrow();
				current.recordResolverOutcome(outcome, now, this.policy);
				PaymentSnapshot snapshot = current.snapshot();
				this.idempotency.completeAbandoned(current.getId(), snapshot.status().name(), snapshot.declineCode(),
						now);
				if (current.getStatus() == PaymentStatus.FAILED) {
					logger.warn("Payment " + current.getId() + " failed: " + current.getFailureReason());
				}
			});
		}
		return due.size();
	}

	/**
	 * Takes one attempt at each due pending refund.
	 * @return how many refunds were attempted
	 */
	public int resolveRefunds() {
		List<PaymentProvider.RefundRequest> due = this.transactions.execute(status -> {
			Instant now = now();
			List<Refund> found = this.refunds.findDueForResolver(now, PageRequest.of(0, this.policy.batchSize()));
			found.forEach(refund -> refund.startResolverAttempt(now, this.policy));
			return found.stream()
				.map(refund -> new PaymentProvider.RefundRequest(refund.getId(),
						this.payments.findById(refund.getPaymentId()).orElseThrow().getProviderChargeId(),
						refund.getAmount()))
				.toList();
		});
		for (PaymentProvider.RefundRequest request : due) {
			RefundOutcome outcome = PaymentService.ask(() -> this.provider.refund(request), RefundOutcome.Unknown::new);
			this.transactions.executeWithoutResult(status -> {
				Instant now = now();
				Refund current = this.refunds.findForUpdate(request.reference()).orElseThrow();
				current.recordResolverOutcome(outcome, now, this.policy);
				this.idempotency.completeAbandoned(current.getId(), current.getStatus().name(), null, now);
				if (current.getStatus() == RefundStatus.FAILED) {
					logger.warn("Refund " + current.getId() + " failed: " + current.getFailureReason());
				}
			});
		}
		return due.size();
	}

	private ChargeOutcome askAbout(Payment payment) {
		if (payment.getProviderChargeId() != null) {
			return this.provider.chargeStatus(payment.getProviderChargeId());
		}
		return this.provider.charge(
				new PaymentProvider.ChargeRequest(payment.getId(), payment.getAmount(), payment.getPaymentMethod()));
	}

	/**
	 * The current time at the database's precision (microseconds), so an answer built
	 * from memory equals the same answer read back.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
