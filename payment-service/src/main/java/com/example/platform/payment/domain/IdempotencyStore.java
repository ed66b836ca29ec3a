package com.example.platform.payment.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency keys in the database. The primary key {@code (caller, idempotency_key)}
 * makes exactly one of any number of concurrent first requests win; the losers find the
 * winner's row.
 */
public class IdempotencyStore {

	private final JdbcClient jdbc;

	public IdempotencyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a key for a new resource. Concurrent claims of one key block on the primary
	 * key until the first commits, then do nothing.
	 * @param caller the caller's subject
	 * @param key the idempotency key
	 * @param fingerprint the request's fingerprint
	 * @param resourceType {@code PAYMENT} or {@code REFUND}
	 * @param resourceId the id reserved for the resource
	 * @param now the current time
	 * @return whether this request claimed the key
	 */
	public boolean claim(String caller, String key, String fingerprint, String resourceType, UUID resourceId,
			Instant now) {
		return this.jdbc.sql("""
				insert into idempotency_record
				  (caller, idempotency_key, fingerprint, state, resource_type, resource_id, created_at)
				values (?, ?, ?, 'IN_FLIGHT', ?, ?, ?)
				on conflict (caller, idempotency_key) do nothing""")
			.params(caller, key, fingerprint, resourceType, resourceId, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * @param caller the caller's subject
	 * @param key the idempotency key
	 * @return what is stored for the key
	 */
	public Optional<IdempotencyRecord> find(String caller, String key) {
		return this.jdbc.sql("""
				select fingerprint, state, resource_type, resource_id, response_status, response_code
				from idempotency_record where caller = ? and idempotency_key = ?""")
			.params(caller, key)
			.query((rs, row) -> new IdempotencyRecord(rs.getString("fingerprint"),
					"COMPLETED".equals(rs.getString("state")), rs.getString("resource_type"),
					rs.getObject("resource_id", UUID.class), rs.getString("response_status"),
					rs.getString("response_code")))
			.optional();
	}

	/**
	 * Stores the answer of the first request, once: a record already completed keeps its
	 * answer.
	 * @param caller the caller's subject
	 * @param key the idempotency key
	 * @param status the resource's status in the answer
	 * @param code the decline code in the answer, or {@code null}
	 * @param now the current time
	 */
	public void complete(String caller, String key, String status, String code, Instant now) {
		this.jdbc.sql("""
				update idempotency_record set state = 'COMPLETED', response_status = ?, response_code = ?,
				  completed_at = ?
				where caller = ? and idempotency_key = ? and state = 'IN_FLIGHT'""")
			.params(status, code, Timestamp.from(now), caller, key)
			.update();
	}

	/**
	 * Completes the records of a resource whose original request never stored its answer
	 * (the process died after claiming the key): retries of that request then get the
	 * resolved state instead of "in flight" forever.
	 * @param resourceId the payment or refund
	 * @param status its status
	 * @param code its decline code, or {@code null}
	 * @param now the current time
	 */
	public void completeAbandoned(UUID resourceId, String status, String code, Instant now) {
		this.jdbc.sql("""
				update idempotency_record set state = 'COMPLETED', response_status = ?, response_code = ?,
				  completed_at = ?
				where resource_id = ? and state = 'IN_FLIGHT'""")
			.params(status, code, Timestamp.from(now), resourceId)
			.update();
	}

	/**
	 * Forgets answered keys older than the retention.
	 * @param before keys created before this are purged
	 * @return how many were purged
	 */
	public int purgeCompletedBefore(Instant before) {
		return this.jdbc.sql("delete from idempotency_record where state = 'COMPLETED' and created_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

}
