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
 * A charge of a customer for an order. Created {@link PaymentStatus#PENDING} before the
 * provider is called, so the intent is stored before any money can move; the provider's
 * outcome then moves it to a final state, once.
 */
@Entity
@Table(name = "payment")
public class Payment {

	private static final int MAX_REASON = 500;

	@Id
	private UUID id;

	@Column(name = "order_id", nullable = false)
	private UUID orderId;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(nullable = false)
	private long amount;

	@Column(nullable = false, length = 3)
	private String currency;

	@Column(name = "payment_method", nullable = false, length = 64)
	private String paymentMethod;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private PaymentStatus status;

	@Column(name = "decline_code", length = 64)
	private String declineCode;

	@Column(name = "failure_reason", length = MAX_REASON)
	private String failureReason;

	@Column(name = "provider_charge_id", length = 128)
	private String providerChargeId;

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

	protected Payment() {
		// for JPA
	}

	private Payment(UUID id, UUID orderId, UUID userId, Money amount, String paymentMethod, Instant now,
			Instant firstAttemptAt) {
		this.id = id;
		this.orderId = orderId;
		this.userId = userId;
		this.amount = amount.amount();
		this.currency = amount.currency();
		this.paymentMethod = paymentMethod;
		this.status = PaymentStatus.PENDING;
		this.nextAttemptAt = firstAttemptAt;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * A payment about to be sent to the provider.
	 * @param id the payment id, also the provider's idempotency key
	 * @param orderId the order paid for
	 * @param userId the customer
	 * @param amount how much
	 * @param paymentMethod the customer's payment method token
	 * @param now the current time
	 * @param firstAttemptAt when the resolver takes over if no outcome is stored before
	 * @return a pending payment
	 */
	public static Payment initiate(UUID id, UUID orderId, UUID userId, Money amount, String paymentMethod, Instant now,
			Instant firstAttemptAt) {
		return new Payment(id, orderId, userId, amount, paymentMethod, now, firstAttemptAt);
	}

	/**
	 * Records what the provider said. A final state never changes again: an outcome
	 * arriving for a payment already resolved (by the resolver, or the original request)
	 * is ignored.
	 * @param outcome the provider's outcome
	 * @param now the current time
	 * @return whether the payment changed
	 */
	public boolean record(ChargeOutcome outcome, Instant now) {
		if (this.status != PaymentStatus.PENDING) {
			return false;
		}
		switch (outcome) {
			case ChargeOutcome.Approved approved -> {
				this.providerChargeId = approved.chargeId();
				moveTo(PaymentStatus.APPROVED, now);
			}
			case ChargeOutcome.Declined declined -> {
				if (declined.chargeId() != null) {
					this.providerChargeId = declined.chargeId();
				}
				this.declineCode = declined.declineCode();
				moveTo(PaymentStatus.DECLINED, now);
			}
			case ChargeOutcome.Rejected rejected -> {
				this.failureReason = truncate(rejected.reason());
				moveTo(PaymentStatus.FAILED, now);
			}
			case ChargeOutcome.Unknown unknown -> {
				if (unknown.chargeId() != null) {
					this.providerChargeId = unknown.chargeId();
				}
				this.failureReason = truncate(unknown.reason());
				this.updatedAt = now;
			}
		}
		return true;
	}

	/**
	 * Takes the payment for one resolver attempt: counts it, and schedules the next one
	 * already, so a crash during the attempt delays the payment but never loses it.
	 * @param now the current time
	 * @param policy the resolver's policy
	 */
	public void startResolverAttempt(Instant now, RetryPolicy policy) {
		requirePending();
		this.attempts++;
		this.nextAttemptAt = policy.nextAttemptAt(now, this.attempts);
		this.updatedAt = now;
	}

	/**
	 * Records the outcome of a resolver attempt; a still unknown outcome after the last
	 * allowed attempt fails the payment, with the reason.
	 * @param outcome what the provider said this time
	 * @param now the current time
	 * @param policy the resolver's policy
	 * @return whether the payment changed
	 */
	public boolean recordResolverOutcome(ChargeOutcome outcome, Instant now, RetryPolicy policy) {
		boolean changed = record(outcome, now);
		if (changed && this.status == PaymentStatus.PENDING && policy.exhausted(this.attempts)) {
			this.failureReason = truncate("No outcome from the provider after " + this.attempts
					+ " resolver attempts; last: " + this.failureReason);
			moveTo(PaymentStatus.FAILED, now);
		}
		return changed;
	}

	/**
	 * Checks that {@code refund} may be taken from this payment.
	 * @param refund the amount to refund
	 * @param reserved what pending and succeeded refunds already hold
	 * @throws PaymentNotRefundableException unless the payment is approved
	 * @throws CurrencyMismatchException if the currencies differ
	 * @throws RefundExceedsPaymentException if the refunds would exceed the amount
	 */
	public void checkRefundable(Money refund, long reserved) {
		if (this.status != PaymentStatus.APPROVED) {
			throw new PaymentNotRefundableException(this.status);
		}
		if (!this.currency.equals(refund.currency())) {
			throw new CurrencyMismatchException(this.currency);
		}
		long remaining = this.amount - reserved;
		if (refund.amount() > remaining) {
			throw new RefundExceedsPaymentException(new Money(this.amount, this.currency), Math.max(remaining, 0));
		}
	}

	/**
	 * @return the payment as it stands now
	 */
	public PaymentSnapshot snapshot() {
		return new PaymentSnapshot(this.id, this.orderId, this.userId, this.status, getAmount(), this.declineCode,
				this.createdAt);
	}

	private void moveTo(PaymentStatus next, Instant now) {
		if (!this.status.canBecome(next)) {
			throw new IllegalStateException("A " + this.status + " payment cannot become " + next);
		}
		this.status = next;
		this.nextAttemptAt = null;
		this.updatedAt = now;
	}

	private void requirePending() {
		if (this.status != PaymentStatus.PENDING) {
			throw new IllegalStateException("Only a pending payment is resolved; this one is " + this.status);
		}
	}

	static String truncate(String reason) {
		if (reason == null) {
			return null;
		}
		return (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public Money getAmount() {
		return new Money(this.amount, this.currency);
	}

	public String getPaymentMethod() {
		return this.paymentMethod;
	}

	public PaymentStatus getStatus() {
		return this.status;
	}

	public String getDeclineCode() {
		return this.declineCode;
	}

	public String getFailureReason() {
		return this.failureReason;
	}

	public String getProviderChargeId() {
		return this.providerChargeId;
	}

	public int getAttempts() {
		return this.attempts;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
