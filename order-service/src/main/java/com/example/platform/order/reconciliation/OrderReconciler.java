package com.example.platform.order.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.example.platform.order.ordering.OrderService;
import com.example.platform.order.ordering.SagaTimings;

import org.springframework.stereotype.Component;

/**
 * Completes orders no request completed: payments whose outcome was unknown,
 * cancellations waiting for a refund. Safe with any number of instances: each order is
 * claimed by one.
 */
@Component
public class OrderReconciler {

	private static final Log logger = LogFactory.getLog(OrderReconciler.class);

	private static final int BATCH = 50;

	private final ReconciliationQueue queue;

	private final OrderService orders;

	private final Clock clock;

	private final Duration lease;

	/**
	 * @param queue the due orders
	 * @param orders the saga
	 * @param clock time source
	 * @param timings how long a claimed order stays reserved for this instance
	 */
	public OrderReconciler(ReconciliationQueue queue, OrderService orders, Clock clock, SagaTimings timings) {
		this.queue = queue;
		this.orders = orders;
		this.clock = clock;
		this.lease = timings.lease();
	}

	/**
	 * One round: claims the due orders and takes each one step further.
	 * @return how many orders were claimed
	 */
	public int reconcileDue() {
		Instant now = this.clock.instant();
		List<UUID> claimed = this.queue.claim(now, now.plus(this.lease), BATCH);
		for (UUID orderId : claimed) {
			try {
				this.orders.reconcile(orderId);
			}
			catch (RuntimeException ex) {
				// The lease expires and the order comes round again.
				logger.error("Reconciling order " + orderId + " failed", ex);
			}
		}
		return claimed.size();
	}

}
