package com.example.platform.support.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static com.example.platform.support.jdbc.SqlValues.instant;

/**
 * Runs a request's work once per idempotency key, on any number of instances, and answers
 * retries with the first answer. The database decides who holds a key; each service keeps
 * the keys in a table of its own schema, created by its own migration:
 *
 * <pre>
 * create table idempotent_request (
 *     scope        varchar(255) not null,  -- the caller
 *     idem_key     varchar(255) not null,
 *     fingerprint  varchar(64)  not null,
 *     owner        uuid         not null,  -- the request holding the key
 *     lease_until  timestamptz,            -- null once answered
 *     resource_id  uuid,                   -- what the work created, linked in its transaction
 *     answer       text,                   -- the first answer, as JSON
 *     created_at   timestamptz  not null,
 *     completed_at timestamptz,
 *     primary key (scope, idem_key)
 * );
 * create index idempotent_request_created_at on idempotent_request (created_at);
 * </pre>
 *
 * For a request, {@link #execute} decides:
 * <ul>
 * <li><b>new</b>: one insert on the primary key claims the key (of N concurrent requests
 * exactly one wins) with a lease; the work runs and its answer is stored;</li>
 * <li><b>replay</b>: same key and fingerprint, answered before: the stored answer, the
 * work does not run again;</li>
 * <li><b>reused</b>: same key, another fingerprint:
 * {@link IdempotencyKeyReusedException};</li>
 * <li><b>in flight</b>: the holder's lease is live: wait up to {@code inFlightWait} for
 * its answer, then {@link RequestInFlightException} with the time left on the lease;</li>
 * <li><b>taken over</b>: the lease ran out (its holder died: leases are renewed while the
 * work runs): this request takes the key and runs the work, told through
 * {@link Claim#resourceId()} what the dead holder had already created.</li>
 * </ul>
 * Work that fails before linking a resource frees the key, so the client can retry with
 * it; work that fails after gives its lease up at once, so a retry takes over without
 * waiting.
 */
public class IdempotentRequests implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(IdempotentRequests.class);

	private static final Duration POLL = Duration.ofMillis(50);

	private static final int MAX_DECISIONS = 5;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final IdempotencyProperties settings;

	private final ScheduledExecutorService renewals;

	private final String insert;

	private final String select;

	private final String takeOver;

	private final String renew;

	private final String link;

	private final String complete;

	private final String release;

	private final String giveUp;

	private final String purge;

	/**
	 * @param jdbc the service's schema
	 * @param json serializes answers
	 * @param clock time source
	 * @param settings table, lease, waits and retention
	 */
	public IdempotentRequests(JdbcClient jdbc, JsonMapper json, Clock clock, IdempotencyProperties settings) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.settings = settings;
		// Not a bean: a ScheduledExecutorService bean would become the service's
		// scheduler.
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "idempotency-lease");
			thread.setDaemon(true);
			return thread;
		});
		// Most requests finish long before their first renewal: drop cancelled ones.
		executor.setRemoveOnCancelPolicy(true);
		this.renewals = executor;
		String table = settings.table();
		this.insert = "insert into " + table + " (scope, idem_key, fingerprint, owner, lease_until, created_at) "
				+ "values (?, ?, ?, ?, ?, ?) on conflict (scope, idem_key) do nothing";
		this.select = "select fingerprint, owner, lease_until, resource_id, answer from " + table
				+ " where scope = ? and idem_key = ?";
		this.takeOver = "update " + table + " set owner = ?, lease_until = ? "
				+ "where scope = ? and idem_key = ? and owner = ? and answer is null";
		this.renew = "update " + table + " set lease_until = ? where scope = ? and idem_key = ? and owner = ? "
				+ "and answer is null";
		this.link = "update " + table + " set resource_id = ? where scope = ? and idem_key = ? and owner = ?";
		this.complete = "update " + table + " set answer = ?, lease_until = null, completed_at = ? "
				+ "where scope = ? and idem_key = ? and owner = ? and answer is null";
		this.release = "delete from " + table + " where scope = ? and idem_key = ? and owner = ? "
				+ "and resource_id is null and answer is null";
		this.giveUp = "update " + table + " set lease_until = ? where scope = ? and idem_key = ? and owner = ? "
				+ "and answer is null";
		this.purge = "delete from " + table + " where created_at < ? and (lease_until is null or lease_until < ?)";
	}

	/**
	 * Runs {@code work} for the first request with this key, or answers as the first
	 * request was answered.
	 * @param <T> the answer's type: a record Jackson can write and read back
	 * @param request the key, its scope and the request's fingerprint
	 * @param answerType the answer's class, to read a stored answer back
	 * @param work the request's work; runs at most once at a time per key, and again only
	 * when a holder died without answering
	 * @return the answer: this request's, or the first one's for a replay
	 * @throws IdempotencyKeyReusedException if the key was used for another request
	 * @throws RequestInFlightException if the first request is still running
	 */
	public <T> T execute(IdempotentRequest request, Class<T> answerType, Function<Claim, T> work) {
		for (int decision = 0; decision < MAX_DECISIONS; decision++) {
			UUID owner = UUID.randomUUID();
			Instant now = now();
			if (this.jdbc.sql(this.insert)
				.params(request.scope(), request.key(), request.fingerprint(), owner, leaseFrom(now), ts(now))
				.update() == 1) {
				return run(request, answerType, work, new HeldKey(request, owner, null, false));
			}
			Optional<Stored> stored = find(request);
			if (stored.isEmpty()) {
				continue; // freed or purged since the insert: claim it again
			}
			Stored existing = stored.get();
			if (!existing.fingerprint().equals(request.fingerprint())) {
				throw new IdempotencyKeyReusedException();
			}
			if (existing.answer() != null) {
				return this.json.readValue(existing.answer(), answerType);
			}
			Stored settled = awaitAnswerOrExpiry(request, existing);
			if (settled.answer() != null) {
				return this.json.readValue(settled.answer(), answerType);
			}
			Instant current = now();
			if (settled.leaseUntil() != null && settled.leaseUntil().isAfter(current)) {
				throw new RequestInFlightException(Duration.between(current, settled.leaseUntil()));
			}
			if (this.jdbc.sql(this.takeOver)
				.params(owner, leaseFrom(current), request.scope(), request.key(), settled.owner())
				.update() == 1) {
				logger.info("Taking over idempotent request " + request.key() + " of a holder whose lease ran out");
				return run(request, answerType, work, new HeldKey(request, owner, settled.resourceId(), true));
			}
			// someone else took it over first: decide again
		}
		throw new RequestInFlightException(this.settings.lease());
	}

	/**
	 * Deletes keys older than the retention (answered, or abandoned long ago).
	 * @return how many were deleted
	 */
	public int purgeExpired() {
		Instant now = now();
		return this.jdbc.sql(this.purge).params(ts(now.minus(this.settings.retention())), ts(now)).update();
	}

	/**
	 * Stops renewing leases; requests still running lose their keys when their leases run
	 * out, and retries take them over.
	 */
	@Override
	public void close() {
		this.renewals.shutdownNow();
	}

	private <T> T run(IdempotentRequest request, Class<T> answerType, Function<Claim, T> work, HeldKey held) {
		long renewEvery = Math.max(this.settings.lease().toMillis() / 3, 1);
		ScheduledFuture<?> renewal = this.renewals.scheduleAtFixedRate(() -> renew(held), renewEvery, renewEvery,
				TimeUnit.MILLISECONDS);
		T answer;
		try {
			answer = work.apply(held);
		}
		catch (RuntimeException | Error ex) {
			renewal.cancel(false);
			abandon(held);
			throw ex;
		}
		renewal.cancel(false);
		this.jdbc.sql(this.complete)
			.params(this.json.writeValueAsString(answer), ts(now()), request.scope(), request.key(), held.owner)
			.update();
		return answer;
	}

	private void renew(HeldKey held) {
		try {
			this.jdbc.sql(this.renew)
				.params(leaseFrom(now()), held.request.scope(), held.request.key(), held.owner)
				.update();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the lease of idempotent request " + held.request.key(), ex);
		}
	}

	/**
	 * The work failed: free the key when it created nothing, otherwise end the lease so a
	 * retry takes over at once.
	 */
	private void abandon(HeldKey held) {
		try {
			IdempotentRequest request = held.request;
			if (this.jdbc.sql(this.release).params(request.scope(), request.key(), held.owner).update() == 0) {
				this.jdbc.sql(this.giveUp).params(ts(now()), request.scope(), request.key(), held.owner).update();
			}
		}
		catch (RuntimeException ex) {
			// The lease runs out on its own.
			logger.warn("Could not free idempotent request " + held.request.key(), ex);
		}
	}

	private Stored awaitAnswerOrExpiry(IdempotentRequest request, Stored stored) {
		long deadline = System.nanoTime() + this.settings.inFlightWait().toNanos();
		Stored current = stored;
		while (current.answer() == null && current.leaseUntil() != null && current.leaseUntil().isAfter(now())
				&& System.nanoTime() < deadline) {
			LockSupport.parkNanos(POLL.toNanos());
			Optional<Stored> found = find(request);
			if (found.isEmpty()) {
				return new Stored(stored.fingerprint(), stored.owner(), null, null, null);
			}
			current = found.get();
		}
		return current;
	}

	private Optional<Stored> find(IdempotentRequest request) {
		return this.jdbc.sql(this.select)
			.params(request.scope(), request.key())
			.query((rs, row) -> new Stored(rs.getString(1), rs.getObject(2, UUID.class), instant(rs.getTimestamp(3)),
					rs.getObject(4, UUID.class), rs.getString(5)))
			.optional();
	}

	private Timestamp leaseFrom(Instant now) {
		return ts(now.plus(this.settings.lease()));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	private record Stored(String fingerprint, UUID owner, Instant leaseUntil, UUID resourceId, String answer) {
	}

	private final class HeldKey implements Claim {

		private final IdempotentRequest request;

		private final UUID owner;

		private final boolean takenOver;

		private volatile UUID resourceId;

		HeldKey(IdempotentRequest request, UUID owner, UUID resourceId, boolean takenOver) {
			this.request = request;
			this.owner = owner;
			this.resourceId = resourceId;
			this.takenOver = takenOver;
		}

		@Override
		public Optional<UUID> resourceId() {
			return Optional.ofNullable(this.resourceId);
		}

		@Override
		public boolean takenOver() {
			return this.takenOver;
		}

		@Override
		public void link(UUID resourceId) {
			if (IdempotentRequests.this.jdbc.sql(IdempotentRequests.this.link)
				.params(resourceId, this.request.scope(), this.request.key(), this.owner)
				.update() != 1) {
				throw new RequestInFlightException(IdempotentRequests.this.settings.lease());
			}
			this.resourceId = resourceId;
		}

	}

}
