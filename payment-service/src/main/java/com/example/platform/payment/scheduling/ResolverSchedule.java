package com.example.platform.payment.scheduling;

import com.example.platform.payment.resolver.PendingResolver;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the resolver on the configured interval.
 */
@Component
class ResolverSchedule {

	private final PendingResolver resolver;

	ResolverSchedule(PendingResolver resolver) {
		this.resolver = resolver;
	}

	@Scheduled(fixedDelayString = "${platform.payments.resolver.interval:15s}",
			initialDelayString = "${platform.payments.resolver.interval:15s}")
	void resolveDue() {
		this.resolver.resolveDue();
	}

}
