package com.example.platform.payment.payments;

import java.time.Instant;
import java.util.UUID;

import com.example.platform.payment.resolver.ProviderOperation;
import com.example.platform.support.retry.Attempts;
import com.example.platform.support.security.Caller;

/**
 * A charge of a customer for an order. Created {@link PaymentStatus#PENDING} before the
 * provider is called, so the intent is stored before any money can move; the provider's
 * outcome then moves it to a final state, once.
 */
public class Payment extends ProviderOperation {

	/** The scope of the platform's services, which see every payment. */
	static final String INTERNAL = "internal";

	private final UUID id;

	private final UUID orderId;

	private final UUID userId;

	private final long amount;

	private final String currency;

	private final String paymentMethod;

	private PaymentStatus status;

	private String declineCode;

	private String providerChargeId;

	private final Instant createdAt;

	// Null until stored; then the version of the stored row, for optimistic locking.
	private Long version;

	private Payment(UUID id, UUID orderId, UUID userId, Money amount, String paymentMethod, Instant now,
			Instant firstAttemptAt) {
		super(now, firstAttemptAt);
		this.id = id;
		this.orderId = orderId;
		this.userId = userId;
		this.amount = amount.amount();
		this.currency = amount.currency();
		this.paymentMethod = paymentMethod;
		this.status = PaymentStatus.PENDING;
		this.createdAt = now;
	}

	private Payment(Stored row) {
		super(Attempts.restore(row.attempts(), row.nextAttemptAt(), row.failureReason()), row.updatedAt());
		this.id = row.id();
		this.orderId = row.orderId();
		this.userId = row.userId();
		this.amount = row.amount();
		this.currency = row.currency();
		this.paymentMethod = row.paymentMethod();
		this.status = row.status();
		this.declineCode = row.declineCode();
		this.providerChargeId = row.providerChargeId();
		this.createdAt = row.createdAt();
		this.version = row.version();
	}

	/**
	 * A payment as stored, read back by its repository.
	 * @param row the stored columns
	 * @return the payment
	 */
	public static Payment restore(Stored row) {
		return new Payment(row);
	}

	/**
	 * @return the payment's columns as they are to be stored
	 */
	public Stored stored() {
		return new Stored(this.id, this.orderId, this.userId, this.amount, this.currency, this.paymentMethod,
				this.status, this.declineCode, this.providerChargeId, getFailureReason(), getAttempts(),
				getNextAttemptAt(), this.createdAt, getUpdatedAt(), this.version);
	}

	/**
	 * Called by the repository once the payment is stored.
	 * @param version the version of the stored row
	 */
	public void storedAs(long version) {
		this.version = version;
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
		if (!isPending()) {
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
				noteFailure(rejected.reason(), now);
				moveTo(PaymentStatus.FAILED, now);
			}
			case ChargeOutcome.Unknown unknown -> {
				if (unknown.chargeId() != null) {
					this.providerChargeId = unknown.chargeId();
				}
				noteFailure(unknown.reason(), now);
			}
		}
		return true;
	}

	/**
	 * Services see every payment, users only their own.
	 * @param caller who asks
	 * @return whether the caller may know the payment exists
	 */
	public boolean isVisibleTo(Caller caller) {
		return caller.hasScope(INTERNAL) || caller.userId().filter(this.userId::equals).isPresent();
	}

	/**
	 * @return the charge to send the provider: always with the payment id as reference,
	 * so asking again never charges twice
	 */
	public PaymentProvider.ChargeRequest chargeRequest() {
		return new PaymentProvider.ChargeRequest(this.id, getAmount(), this.paymentMethod);
	}

	/**
	 * @return the payment as it stands now
	 */
	public PaymentSnapshot snapshot() {
		return new PaymentSnapshot(this.id, this.orderId, this.userId, this.status, getAmount(), this.declineCode,
				this.createdAt);
	}

	@Override
	public boolean isPending() {
		return this.status == PaymentStatus.PENDING;
	}

	@Override
	protected void fail(Instant now) {
		moveTo(PaymentStatus.FAILED, now);
	}

	private void moveTo(PaymentStatus next, Instant now) {
		if (!this.status.canBecome(next)) {
			throw new IllegalStateException("A " + this.status + " payment cannot become " + next);
		}
		this.status = next;
		settle(now);
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

	public String getProviderChargeId() {
		return this.providerChargeId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	@Override
	public String toString() {
		return "payment " + this.id + " (" + this.status + ")";
	}

	/**
	 * The stored columns of a payment.
	 *
	 * @param id the payment
	 * @param orderId the order paid for
	 * @param userId the customer
	 * @param amount how much, in minor units of {@code currency}
	 * @param currency ISO 4217 currency
	 * @param paymentMethod the customer's payment method token
	 * @param status its state
	 * @param declineCode why the provider declined, if it did
	 * @param providerChargeId the provider's id of the charge, once known
	 * @param failureReason why the last attempt gave no (or a refusing) outcome
	 * @param attempts resolver attempts so far
	 * @param nextAttemptAt when the resolver looks next, {@code null} once settled
	 * @param createdAt when it was created
	 * @param updatedAt when it last changed
	 * @param version the stored version, {@code null} before the first store
	 */
	public record Stored(UUID id, UUID orderId, UUID userId, long amount, String currency, String paymentMethod,
			PaymentStatus status, String declineCode, String providerChargeId, String failureReason, int attempts,
			Instant nextAttemptAt, Instant createdAt, Instant updatedAt, Long version) {
	}

}
