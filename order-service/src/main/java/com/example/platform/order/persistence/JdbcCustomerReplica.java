package com.example.platform.order.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.example.platform.order.ordering.CustomerReplica;
import com.example.platform.support.jdbc.SqlValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer replica in table {@code customer}: a lookup is one primary-key read, a
 * write one upsert that leaves an existing row as it is (so a redelivered event needs no
 * processed-event mark).
 */
@Repository
public class JdbcCustomerReplica implements CustomerReplica {

	private final JdbcClient jdbc;

	private final Clock clock;

	public JdbcCustomerReplica(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean contains(UUID userId) {
		return this.jdbc.sql("select true from customer where user_id = ?")
			.param(SqlValues.uuid(userId))
			.query(Boolean.class)
			.optional()
			.isPresent();
	}

	@Override
	public void registered(UUID userId, Instant registeredAt) {
		// A customer first learned from a lookup gets its registration time; a known one
		// is left alone.
		this.jdbc.sql("""
				insert into customer (user_id, registered_at, recorded_at) values (?, ?, ?)
				on conflict (user_id) do update set registered_at = excluded.registered_at
				where customer.registered_at is null""")
			.params(SqlValues.uuid(userId), SqlValues.ts(registeredAt), SqlValues.ts(this.clock.instant()))
			.update();
	}

	@Override
	public void confirmed(UUID userId) {
		this.jdbc
			.sql("insert into customer (user_id, registered_at, recorded_at) values (?, null, ?) "
					+ "on conflict (user_id) do nothing")
			.params(SqlValues.uuid(userId), SqlValues.ts(this.clock.instant()))
			.update();
	}

}
