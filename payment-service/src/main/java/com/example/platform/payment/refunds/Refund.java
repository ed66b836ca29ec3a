package com.example.platform.payment.refunds;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentStatus;
import com.example.platform.payment.resolver.ProviderOperation;

/**
 * A full or partial refund of an approved payment. Created {@link RefundStatus#PENDING}
 * (holding its amount) before the provider is called.
 */
@Entity
@Table(name = "refund")
public class Refund extends ProviderOperation {

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

	@Column(name = "provider_refund_id", length = 128)
	private String providerRefundId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private Long version;

	protected Refund() {
		// for JPA
	}

	private Refund(UUID id, UUID paymentId, Money amount, Instant now, Instant firstAttemptAt) {
		super(now, firstAttemptAt);
		this.id = id;
		this.paymentId = paymentId;
		this.amount = amount.amount();
		this.currency = amount.currency();
		this.status = RefundStatus.PENDING;
		this.createdAt = now;
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

}
