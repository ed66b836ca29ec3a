package com.example.platform.payment.refunds;

import java.time.Instant;
import java.util.UUID;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentStatus;
import com.example.platform.payment.resolver.ProviderOperation;
import com.example.platform.support.retry.Attempts;

/**
 * A full or partial refund of an approved payment. Created {@link RefundStatus#PENDING}
 * (holding its amount) before the provider is called.
 */
public class Refund extends ProviderOperation {

	private final UUID id;

	private final UUID paymentId;

	private final long amount;

	private final String currency;

	private RefundStatus status;

	private String providerRefundId;

	private final Instant createdAt;

	// Null until stored; then the version of the stored row, for optimistic locking.
	private Long version;

	private Refund(UUID id, UUID paymentId, Money amount, Instant now, Instant firstAttemptAt) {
		super(now, firstAttemptAt);
		this.id = id;
		this.paymentId = paymentId;
		this.amount = amount.amount();
		this.currency = amount.currency();
		this.status = RefundStatus.PENDING;
		this.createdAt = now;
	}

	private Refund(Stored row) {
		super(Attempts.restore(row.attempts(), row.nextAttemptAt(), row.failureReason()), row.updatedAt());
		this.id = row.id();
		this.paymentId = row.paymentId();
		this.amount = row.amount();
		this.currency = row.currency();
		this.status = row.status();
		this.providerRefundId = row.providerRefundId();
		this.createdAt = row.createdAt();
		this.version = row.version();
	}

	/**
	 * A refund as stored, read back by its repository.
	 * @param row the stored columns
	 * @return the refund
	 */
	public static Refund restore(Stored row) {
		return new Refund(row);
	}

	/**
	 * @return the refund's columns as they are to be stored
	 */
	public Stored stored() {
		return new Stored(this.id, this.paymentId, this.amount, this.currency, this.status, this.providerRefundId,
				getFailureReason(), getAttempts(), getNextAttemptAt(), this.createdAt, getUpdatedAt(), this.version);
	}

	/**
	 * Called by the repository once the refund is stored.
	 * @param version the version of the stored row
	 */
	public void storedAs(long version) {
		this.version = version;
	}

	/**
	 * A refund about to be sent to the provider, checked against the payment: call it
	 * while the payment's row is locked, so refunds of one payment are checked one at a
	 * time.
	 * @param id the refund id, also the provider's idempotency key
	 * @param payment the refunded payment
	 * @param amount how much
	 * @param reserved what the payment's pending and succeeded refunds already hold
	 * @param now the current time
	 * @param firstAttemptAt when the resolver takes over if no outcome is stored before
	 * @return a pending refund
	 * @throws PaymentNotRefundableException unless the payment is approved
	 * @throws CurrencyMismatchException if the currencies differ
	 * @throws RefundExceedsPaymentException if the refunds would exceed the amount
	 */
	public static Refund initiate(UUID id, Payment payment, Money amount, long reserved, Instant now,
			Instant firstAttemptAt) {
		if (payment.getStatus() != PaymentStatus.APPROVED) {
			throw new PaymentNotRefundableException(payment.getStatus());
		}
		Money paid = payment.getAmount();
		if (!paid.currency().equals(amount.currency())) {
			throw new CurrencyMismatchException(paid.currency());
		}
		long remaining = paid.amount() - reserved;
		if (amount.amount() > remaining) {
			throw new RefundExceedsPaymentException(paid, Math.max(remaining, 0));
		}
		return new Refund(id, payment.getId(), amount, now, firstAttemptAt);
	}

	/**
	 * Records what the provider said; a final state never changes again.
	 * @param outcome the provider's outcome
	 * @param now the current time
	 * @return whether the refund changed
	 */
	public boolean record(RefundOutcome outcome, Instant now) {
		if (!isPending()) {
			return false;
		}
		switch (outcome) {
			case RefundOutcome.Succeeded succeeded -> {
				this.providerRefundId = succeeded.refundId();
				moveTo(RefundStatus.SUCCEEDED, now);
			}
			case RefundOutcome.Failed failed -> {
				noteFailure(failed.reason(), now);
				moveTo(RefundStatus.FAILED, now);
			}
			case RefundOutcome.Unknown unknown -> noteFailure(unknown.reason(), now);
		}
		return true;
	}

	/**
	 * @param chargeId the provider's id of the refunded charge
	 * @return the refund to send the provider, with the refund id as reference
	 */
	public RefundProvider.RefundRequest refundRequest(String chargeId) {
		return new RefundProvider.RefundRequest(this.id, chargeId, getAmount());
	}

	/**
	 * @return the refund as it stands now
	 */
	public RefundSnapshot snapshot() {
		return new RefundSnapshot(this.id, this.paymentId, getAmount(), this.status);
	}

	@Override
	public boolean isPending() {
		return this.status == RefundStatus.PENDING;
	}

	@Override
	protected void fail(Instant now) {
		moveTo(RefundStatus.FAILED, now);
	}

	private void moveTo(RefundStatus next, Instant now) {
		if (!this.status.canBecome(next)) {
			throw new IllegalStateException("A " + this.status + " refund cannot become " + next);
		}
		this.status = next;
		settle(now);
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

	public String getProviderRefundId() {
		return this.providerRefundId;
	}

	@Override
	public String toString() {
		return "refund " + this.id + " (" + this.status + ")";
	}

	/**
	 * The stored columns of a refund.
	 *
	 * @param id the refund
	 * @param paymentId the refunded payment
	 * @param amount how much, in minor units of {@code currency}
	 * @param currency ISO 4217 currency, the payment's
	 * @param status its state
	 * @param providerRefundId the provider's id of the refund, once known
	 * @param failureReason why the last attempt gave no (or a failed) outcome
	 * @param attempts resolver attempts so far
	 * @param nextAttemptAt when the resolver looks next, {@code null} once settled
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 * @param version the stored version, {@code null} before the first store
	 */
	public record Stored(UUID id, UUID paymentId, long amount, String currency, RefundStatus status,
			String providerRefundId, String failureReason, int attempts, Instant nextAttemptAt, Instant createdAt,
			Instant updatedAt, Long version) {
	}

}
