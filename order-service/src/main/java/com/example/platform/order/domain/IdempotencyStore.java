package com.example.platform.order.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of order requests, per user. The database decides who owns a key:
 * claiming is one insert on the primary key {@code (user_id, idem_key)}, so of N
 * concurrent requests with one key exactly one proceeds, on any number of instances.
 */
@Component
public class IdempotencyStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration abandonedAfter;

	/**
	 * @param jdbc the service's schema
	 * @param clock time source
	 * @param timings when an unfinished request counts as abandoned
	 */
	public IdempotencyStore(JdbcClient jdbc, Clock clock, SagaTimings timings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.abandonedAfter = timings.abandonedRequestAfter();
	}

	/**
	 * Claims a key for a request, or says what to answer instead.
	 * @param userId the caller: keys are scoped to the caller
	 * @param key the {@code Idempotency-Key}
	 * @param fingerprint a digest of the request, to tell a replay from a different
	 * request
	 * @return what to do
	 */
	public Claim begin(UUID userId, String key, String fingerprint) {
		Instant now = this.clock.instant();
		int inserted = this.jdbc
			.sql("insert into idempotency_key (user_id, idem_key, fingerprint, created_at) values (?, ?, ?, ?) "
					+ "on conflict (user_id, idem_key) do nothing")
			.params(userId, key, fingerprint, Timestamp.from(now))
			.update();
		if (inserted == 1) {
			return new Claim.Started();
		}
		Stored stored = this.jdbc
			.sql("select fingerprint, order_id, response_status, response_body, created_at from idempotency_key "
					+ "where user_id = ? and idem_key = ?")
			.params(userId, key)
			.query((rs, row) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class), (Integer) rs.getObject(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.single();
		if (!stored.fingerprint().equals(fingerprint)) {
			return new Claim.Mismatch();
		}
		if (stored.status() != null) {
			return new Claim.Replay(stored.status(), stored.body());
		}
		if (stored.createdAt().isAfter(now.minus(this.abandonedAfter))) {
			return new Claim.InFlight();
		}
		if (stored.orderId() != null) {
			// The request that held the key died after storing its order: answer with the
			// order.
			return new Claim.Resume(stored.orderId());
		}
		// It died before storing anything: take the key over, unless someone else just
		// did.
		int taken = this.jdbc
			.sql("update idempotency_key set created_at = ? where user_id = ? and idem_key = ? and created_at = ? "
					+ "and response_status is null and order_id is null")
			.params(Timestamp.from(now), userId, key, Timestamp.from(stored.createdAt()))
			.update();
		return (taken == 1) ? new Claim.Started() : new Claim.InFlight();
	}

	/**
	 * Records which order a key created; call it in the transaction that stores the
	 * order.
	 * @param userId the caller
	 * @param key the key
	 * @param orderId the order
	 */
	public void linkOrder(UUID userId, String key, UUID orderId) {
		this.jdbc.sql("update idempotency_key set order_id = ? where user_id = ? and idem_key = ?")
			.params(orderId, userId, key)
			.update();
	}

	/**
	 * Stores the answer, which every later request with this key gets again.
	 * @param userId the caller
	 * @param key the key
	 * @param status the HTTP status
	 * @param body the response body
	 */
	public void complete(UUID userId, String key, int status, String body) {
		this.jdbc
			.sql("update idempotency_key set response_status = ?, response_body = ?, completed_at = ? "
					+ "where user_id = ? and idem_key = ?")
			.params(status, body, Timestamp.from(this.clock.instant()), userId, key)
			.update();
	}

	/**
	 * Frees a key whose request changed nothing (refused, or a dependency was down), so
	 * that the client can retry with it.
	 * @param userId the caller
	 * @param key the key
	 */
	public void release(UUID userId, String key) {
		this.jdbc.sql("delete from idempotency_key where user_id = ? and idem_key = ? and order_id is null")
			.params(userId, key)
			.update();
	}

	/**
	 * @param cutoff keys created before this are forgotten
	 * @return how many were removed
	 */
	public int purgeCreatedBefore(Instant cutoff) {
		return this.jdbc.sql("delete from idempotency_key where created_at < ? and response_status is not null")
			.param(Timestamp.from(cutoff))
			.update();
	}

	private record Stored(String fingerprint, UUID orderId, Integer status, String body, Instant createdAt) {
	}

	/**
	 * The outcome of claiming a key.
	 */
	public sealed interface Claim {

		/** The key is ours: process the request. */
		record Started() implements Claim {
		}

		/**
		 * Answer again what was answered the first time.
		 *
		 * @param status the stored status
		 * @param body the stored body
		 */
		record Replay(int status, String body) implements Claim {
		}

		/** Another request with this key is still being processed. */
		record InFlight() implements Claim {
		}

		/** The key was used for a different request. */
		record Mismatch() implements Claim {
		}

		/**
		 * The first request stored its order, then vanished: answer with the order.
		 *
		 * @param orderId the order it created
		 */
		record Resume(UUID orderId) implements Claim {
		}

	}

}
