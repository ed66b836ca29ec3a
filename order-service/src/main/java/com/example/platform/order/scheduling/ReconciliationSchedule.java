package com.example.platform.order.scheduling;

import com.example.platform.order.reconciliation.OrderReconciler;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs a reconciliation round on the configured interval.
 */
@Component
class ReconciliationSchedule {

	private final OrderReconciler reconciler;

	ReconciliationSchedule(OrderReconciler reconciler) {
		this.reconciler = reconciler;
	}

	@Scheduled(fixedDelayString = "${platform.orders.reconciliation.interval:5s}",
			initialDelayString = "${platform.orders.reconciliation.initial-delay:5s}")
	void reconcileDue() {
		this.reconciler.reconcileDue();
	}

}
