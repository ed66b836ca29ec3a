package com.example.platform.order.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.example.platform.order.reconciliation.ReconciliationQueue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out orders that need reconciliation, each to one instance at a time. Claiming is
 * one short statement: {@code FOR UPDATE SKIP LOCKED} keeps two instances from taking the
 * same order, and moving {@code reconcile_after} past the lease keeps it reserved while
 * it is worked on — without holding a transaction open across the HTTP calls that follow.
 * The claim counts as a change of the order (its version moves on), so a request holding
 * an older copy reads the order again before storing its own change.
 */
@Component
public class JdbcReconciliationQueue implements ReconciliationQueue {

	private final JdbcClient jdbc;

	public JdbcReconciliationQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public List<UUID> claim(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql("""
				update orders set reconcile_after = ?, reconcile_attempts = reconcile_attempts + 1,
				  version = version + 1
				where id in (
				  select id from orders
				  where status in ('PAYMENT_PENDING', 'CANCELLATION_PENDING') and reconcile_after <= ?
				  order by reconcile_after
				  limit ?
				  for update skip locked)
				returning id
				""").params(Timestamp.from(leaseUntil), Timestamp.from(now), limit).query(UUID.class).list();
	}

	@Override
	public long backlog() {
		return this.jdbc.sql("select count(*) from orders where status in ('PAYMENT_PENDING', 'CANCELLATION_PENDING')")
			.query(Long.class)
			.single();
	}

}
