package com.example.platform.payment.payments;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.example.platform.payment.resolver.ProviderOperation;
import com.example.platform.support.security.Caller;

/**
 * A charge of a customer for an order. Created {@link PaymentStatus#PENDING} before the
 * provider is called, so the intent is stored before any money can move; the provider's
 * outcome then moves it to a final state, once.
 */
@Entity
@Table(name = "payment")
public class Payment extends ProviderOperation {

	/** The scope of the platform's services, which see every payment. */
	static final String INTERNAL = "internal";

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

	@Column(name = "provider_charge_id", length = 128)
	private String providerChargeId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private Long version;

	protected Payment() {
		// for JPA
	}

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

}
