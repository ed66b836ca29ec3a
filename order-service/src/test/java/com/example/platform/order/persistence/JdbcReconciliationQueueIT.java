package com.example.platform.order.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.Orders;
import com.example.platform.order.reconciliation.ReconciliationQueue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two reconcilers (threads standing in for two instances) never claim the same order.
 */
@OrderServiceIntegrationTest
class JdbcReconciliationQueueIT {

	@Autowired
	ReconciliationQueue queue;

	@Autowired
	OrderRepository orders;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		this.jdbc.sql("delete from order_line").update();
		this.jdbc.sql("delete from orders").update();
	}

	@Test
	void claimsOnlyDueUnfinishedOrders() {
		Instant now = Instant.now();
		Order due = save(Orders.pending(), now.minusSeconds(1));
		save(Orders.pending(), now.plusSeconds(3600));
		save(Orders.paid(), null);

		List<UUID> claimed = this.queue.claim(now, now.plusSeconds(60), 10);

		assertThat(claimed).containsExactly(due.getId());
		Order reloaded = this.orders.findById(due.getId()).orElseThrow();
		assertThat(reloaded.getReconcileAfter()).isAfter(now.plusSeconds(59));
		assertThat(reloaded.getReconcileAttempts()).isEqualTo(1);
		assertThat(this.queue.claim(now, now.plusSeconds(60), 10)).as("leased").isEmpty();
		assertThat(this.queue.claim(now.plusSeconds(61), now.plusSeconds(120), 10)).as("lease over")
			.containsExactly(due.getId());
	}

	@Test
	void aClaimIsAChangeAStaleCopyCannotOverwrite() {
		Instant now = Instant.now();
		Order due = save(Orders.pending(), now.minusSeconds(1));
		Order stale = this.orders.findById(due.getId()).orElseThrow();

		assertThat(this.queue.claim(now, now.plusSeconds(60), 10)).containsExactly(due.getId());
		stale.applyPayment(Orders.approved(), now);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.orders.save(stale));
	}

	@Test
	void twoConcurrentRunnersNeverClaimTheSameOrder() throws Exception {
		Instant now = Instant.now();
		Set<UUID> all = new HashSet<>();
		for (int i = 0; i < 60; i++) {
			all.add(save(Orders.pending(), now.minusSeconds(1)).getId());
		}
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<List<UUID>>> runners = new ArrayList<>();
		for (int runner = 0; runner < 2; runner++) {
			runners.add(() -> {
				start.await();
				List<UUID> mine = new ArrayList<>();
				List<UUID> batch;
				do {
					batch = this.queue.claim(now, now.plus(Duration.ofMinutes(1)), 7);
					mine.addAll(batch);
				}
				while (!batch.isEmpty());
				return mine;
			});
		}
		List<UUID> first;
		List<UUID> second;
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<List<UUID>>> futures = runners.stream().map(pool::submit).toList();
			start.countDown();
			first = futures.get(0).get();
			second = futures.get(1).get();
		}
		// Either runner may get most (or all) of the work; no order may be claimed twice.
		List<UUID> both = new ArrayList<>(first);
		both.addAll(second);
		assertThat(both).doesNotHaveDuplicates().hasSameSizeAs(all);
		assertThat(new HashSet<>(both)).isEqualTo(all);
	}

	private Order save(Order order, Instant reconcileAfter) {
		if (reconcileAfter != null) {
			order.reconcileAgainAt(reconcileAfter);
		}
		return this.orders.save(order);
	}

}
