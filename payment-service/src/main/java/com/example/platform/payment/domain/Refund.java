package com.example.platform.payment.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A full or partial refund of an approved payment. Created {@link RefundStatus#PENDING}
 * (holding its amount) before the provider is called.
 */
@Entity
@Table(name = "refund")
public class Refund {

	@Id
	private UUID id;

	@Column(name = "payment_id", nullable = false)
	private UUID paymentId;

	@Column(nullable = false)
	private long amount;

	@Column(nullable = false, length = 3)
	private String currency;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private RefundStatus status;

	@Column(name = "failure_reason", length = 500)
	private String failureReason;

	@Column(name = "provider_refund_id", length = 128)
	private String providerRefundId;

	@Column(nullable = false)
	private int attempts;

	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private Long version;

	protected Refund() {
		// for JPA
	}

	private Refund(UUID id, UUID paymentId, Money amount, Instant now, Instant firstAttemptAt) {
		this.id = id;
		this.paymentId = paymentId;
		this.amount = amount.amount();
		this.currency = amount.currency();
		this.status = RefundStatus.PENDING;
		this.nextAttemptAt = firstAttemptAt;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A refund about to be sent to the provider; the caller has checked it against the
	 * payment ({@link Payment#checkRefundable}).
	 * @param id the refund id, also the provider's idempotency key
	 * @param paymentId the refunded payment
	 * @param amount how much
	 * @param now the current time
	 * @param firstAttemptAt when the resolver takes over if no outcome is stored before
	 * @return a pending refund
	 */
	public static Refund initiate(UUID id, UUID paymentId, Money amount, Instant now, Instant firstAttemptAt) {
		return new Refund(id, paymentId, amount, now, firstAttemptAt);
	}

	/**
	 * Records what the provider said; a final state never changes again.
	 * @param outcome the provider's outcome
	 * @param now the current time
	 * @return whether the refund changed
	 */
	public boolean record(RefundOutcome outcome, Instant now) {
		if (this.status != RefundStatus.PENDING) {
			return false;
		}
		switch (outcome) {
			case RefundOutcome.Succeeded succeeded -> {
				this.providerRefundId = succeeded.refundId();
				moveTo(RefundStatus.SUCCEEDED, now);
			}
			case RefundOutcome.Failed failed -> {
				this.failureReason = Payment.truncate(failed.reason());
				moveTo(RefundStatus.FAILED, now);
			}
			case RefundOutcome.Unknown unknown -> {
				this.failureReason = Payment.truncate(unknown.reason());
				this.updatedAt = now;
			}
		}
		return true;
	}

	/**
	 * Takes the refund for one resolver attempt, scheduling the next one already.
	 * @param now the current time
	 * @param policy the resolver's policy
	 */
	public void startResolverAttempt(Instant now, RetryPolicy policy) {
		if (this.status != RefundStatus.PENDING) {
			throw new IllegalStateException("Only a pending refund is resolved; this one is " + this.status);
		}
		this.attempts++;
		this.nextAttemptAt = policy.nextAttemptAt(now, this.attempts);
		this.updatedAt = now;
	}

	/**
	 * Records the outcome of a resolver attempt; still unknown after the last attempt
	 * fails the refund (releasing its amount), with the reason.
	 * @param outcome what the provider said this time
	 * @param now the current time
	 * @param policy the resolver's policy
	 * @return whether the refund changed
	 */
	public boolean recordResolverOutcome(RefundOutcome outcome, Instant now, RetryPolicy policy) {
		boolean changed = record(outcome, now);
		if (changed && this.status == RefundStatus.PENDING && policy.exhausted(this.attempts)) {
			this.failureReason = Payment.truncate("No outcome from the provider after " + this.attempts
					+ " resolver attempts; last: " + this.failureReason);
			moveTo(RefundStatus.FAILED, now);
		}
		return changed;
	}

	/**
	 * @return the refund as it stands now
	 */
	public RefundSnapshot snapshot() {
		return new RefundSnapshot(this.id, this.paymentId, getAmount(), this.status);
	}

	private void moveTo(RefundStatus next, Instant now) {
		if (!this.status.canBecome(next)) {
			throw new IllegalStateException("A " + this.status + " refund cannot become " + next);
		}
		this.status = next;
		this.nextAttemptAt = null;
		this.updatedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getPaymentId() {
		return this.paymentId;
	}

	public Money getAmount() {
		return new Money(this.amount, this.currency);
	}

	public RefundStatus getStatus() {
		return this.status;
	}

	public String getFailureReason() {
		return this.failureReason;
	}

	public String getProviderRefundId() {
		return this.providerRefundId;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

}
