package com.example.platform.payment.refunds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.resolver.PendingOperation;
import com.example.platform.support.events.Outbox;
import com.example.platform.support.retry.RetryPolicy;

import org.springframework.stereotype.Component;

/**
 * Pending refunds for the resolver: the refund is repeated with the same reference, which
 * the provider answers with the original outcome and never executes twice.
 */
@Component
class PendingRefunds implements PendingOperation<RefundProvider.RefundRequest, RefundOutcome> {

	private static final Log logger = LogFactory.getLog(PendingRefunds.class);

	private final RefundRepository refunds;

	private final PaymentRepository payments;

	private final RefundProvider provider;

	private final RetryPolicy retry;

	private final Outbox outbox;

	PendingRefunds(RefundRepository refunds, PaymentRepository payments, RefundProvider provider, RetryPolicy retry,
			Outbox outbox) {
		this.outbox = outbox;
		this.refunds = refunds;
		this.payments = payments;
		this.provider = provider;
		this.retry = retry;
	}

	@Override
	public List<RefundProvider.RefundRequest> claimDue(Instant now, int limit) {
		List<Refund> due = this.refunds.findDueForResolver(now, limit);
		for (Refund refund : due) {
			refund.startAttempt(now, this.retry);
			this.refunds.save(refund);
		}
		return due.stream()
			.map(refund -> refund
				.refundRequest(this.payments.findById(refund.getPaymentId()).orElseThrow().getProviderChargeId()))
			.toList();
	}

	@Override
	public RefundOutcome ask(RefundProvider.RefundRequest request) {
		return PendingOperation.safely(() -> this.provider.refund(request), RefundOutcome.Unknown::new);
	}

	@Override
	public void record(RefundProvider.RefundRequest request, RefundOutcome outcome, Instant now) {
		Refund current = this.refunds.findForUpdate(request.reference()).orElseThrow();
		// Only a pending refund takes an outcome, and only a pending one can be given up
		// on: a refund that refuses the outcome has nothing to store.
		if (current.record(outcome, now)) {
			current.giveUpIfExhausted(now, this.retry);
			this.refunds.save(current);
			if (!current.isPending()) {
				// Called in the resolver's transaction: the event commits with the state.
				UUID orderId = this.payments.findById(current.getPaymentId()).orElseThrow().getOrderId();
				this.outbox.publish(RefundSettled.of(current, orderId, now));
			}
		}
		if (current.getStatus() == RefundStatus.FAILED) {
			logger.warn("Refund " + current.getId() + " failed: " + current.getFailureReason());
		}
	}

}
