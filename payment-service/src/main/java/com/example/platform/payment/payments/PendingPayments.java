package com.example.platform.payment.payments;

import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.example.platform.payment.resolver.PendingOperation;
import com.example.platform.support.events.Outbox;
import com.example.platform.support.retry.RetryPolicy;

import org.springframework.stereotype.Component;

/**
 * Pending payments for the resolver: a charge whose id is known is looked up, otherwise
 * the charge is repeated with the same reference, which the provider answers with the
 * original outcome (or processes now, if it never received it) and never executes twice.
 */
@Component
class PendingPayments implements PendingOperation<Payment, ChargeOutcome> {

	private static final Log logger = LogFactory.getLog(PendingPayments.class);

	private final PaymentRepository payments;

	private final PaymentProvider provider;

	private final RetryPolicy retry;

	private final Outbox outbox;

	PendingPayments(PaymentRepository payments, PaymentProvider provider, RetryPolicy retry, Outbox outbox) {
		this.outbox = outbox;
		this.payments = payments;
		this.provider = provider;
		this.retry = retry;
	}

	@Override
	public List<Payment> claimDue(Instant now, int limit) {
		List<Payment> due = this.payments.findDueForResolver(now, limit);
		for (Payment payment : due) {
			payment.startAttempt(now, this.retry);
			this.payments.save(payment);
		}
		return due;
	}

	@Override
	public ChargeOutcome ask(Payment payment) {
		return PendingOperation.safely(
				() -> (payment.getProviderChargeId() != null)
						? this.provider.chargeStatus(payment.getProviderChargeId())
						: this.provider.charge(payment.chargeRequest()),
				reason -> new ChargeOutcome.Unknown(null, reason));
	}

	@Override
	public void record(Payment payment, ChargeOutcome outcome, Instant now) {
		Payment current = this.payments.findForUpdate(payment.getId()).orElseThrow();
		// Only a pending payment takes an outcome, and only a pending one can be given up
		// on: a payment that refuses the outcome has nothing to store.
		if (current.record(outcome, now)) {
			current.giveUpIfExhausted(now, this.retry);
			this.payments.save(current);
			if (!current.isPending()) {
				// Called in the resolver's transaction: the event commits with the state.
				this.outbox.publish(PaymentSettled.of(current.snapshot(), now));
			}
		}
		if (current.getStatus() == PaymentStatus.FAILED) {
			logger.warn("Payment " + current.getId() + " failed: " + current.getFailureReason());
		}
	}

}
