package com.example.platform.support.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completes the outbox's sent entries in batches: each broker acknowledgement queues its
 * entry here, and one thread writes every queued completion with one statement, then the
 * next batch. Under load that is one update (and one commit) for tens or hundreds of
 * events instead of a transaction each; when the outbox is quiet, a completion is written
 * as soon as it comes.
 * <p>
 * A completion not yet written when the process dies only means the event is sent again
 * by {@link OutboxUpkeep} (consumers apply each event once); a failing write is retried
 * every second with the same batch, so none is dropped while the database is away.
 */
public final class OutboxCompletions implements DisposableBean {

	private static final Log logger = LogFactory.getLog(OutboxCompletions.class);

	/** Completions written by one statement, at most. */
	static final int BATCH = 1_000;

	// Each entry keeps its own completion time: the outbox's latency figures read it.
	private static final String COMPLETE = """
			UPDATE event_publication AS e SET completion_date = c.at::timestamptz
			FROM unnest(?::text[], ?::text[]) AS c(id, at)
			WHERE e.id = c.id::uuid AND e.completion_date IS NULL
			""";

	private final JdbcClient jdbc;

	private final BlockingQueue<Completion> queued = new LinkedBlockingQueue<>();

	private final CountDownLatch stopping = new CountDownLatch(1);

	private final Thread writer;

	/**
	 * @param jdbc the service's database, where its {@code event_publication} table is
	 */
	public OutboxCompletions(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.writer = Thread.ofPlatform().daemon().name("outbox-completions").start(this::writeUntilStopped);
	}

	/**
	 * Queues an entry's completion; written within milliseconds.
	 * @param id the outbox entry
	 * @param at when its event was acknowledged
	 */
	public void complete(UUID id, Instant at) {
		if (this.stopping.getCount() == 0) {
			// After shutdown began: written at once, or sent again after the restart.
			writeQuietly(List.of(new Completion(id, at)));
			return;
		}
		this.queued.add(new Completion(id, at));
	}

	/**
	 * @return completions queued and not yet written
	 */
	int queued() {
		return this.queued.size();
	}

	private void writeUntilStopped() {
		List<Completion> batch = new ArrayList<>();
		while (true) {
			try {
				if (batch.isEmpty()) {
					Completion first = this.queued.poll(100, TimeUnit.MILLISECONDS);
					if (first == null) {
						if (this.stopping.getCount() == 0) {
							return;
						}
						continue;
					}
					batch.add(first);
					this.queued.drainTo(batch, BATCH - 1);
				}
				write(batch);
				batch.clear();
			}
			catch (DataAccessException ex) {
				logger.warn(batch.size() + " outbox completions not written (retrying in 1 s): " + ex.getMessage());
				if (awaitStop(1)) {
					return;
				}
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * @return whether shutdown began within the given seconds
	 */
	private boolean awaitStop(int seconds) {
		try {
			return this.stopping.await(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private void write(List<Completion> batch) {
		String[] ids = new String[batch.size()];
		String[] times = new String[batch.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = batch.get(i).id().toString();
			times[i] = batch.get(i).at().toString();
		}
		this.jdbc.sql(COMPLETE).params(ids, times).update();
	}

	private void writeQuietly(List<Completion> batch) {
		try {
			write(batch);
		}
		catch (RuntimeException ex) {
			logger.debug("Outbox completion not written during shutdown; the event is sent again after the restart",
					ex);
		}
	}

	/** Writes what is queued (for a few seconds at most), then stops. */
	@Override
	public void destroy() throws InterruptedException {
		this.stopping.countDown();
		this.writer.join(TimeUnit.SECONDS.toMillis(5));
		List<Completion> rest = new ArrayList<>();
		this.queued.drainTo(rest);
		if (!rest.isEmpty() && !this.writer.isAlive()) {
			writeQuietly(rest);
		}
	}

	private record Completion(UUID id, Instant at) {
	}

}
