package com.example.platform.support.events;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.example.platform.support.jdbc.SqlValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The events a consumer has processed, in its own table
 * ({@code platform.events.processed-table}: {@code event_id uuid primary key,
 * processed_at timestamptz}). Marked in the transaction of the event's effect, so a
 * redelivered event finds its mark exactly when its effect was committed.
 */
public class ProcessedEvents {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String insert;

	private final String purge;

	private final EventsProperties properties;

	public ProcessedEvents(JdbcClient jdbc, Clock clock, EventsProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		String table = properties.processedTable();
		this.insert = "INSERT INTO " + table + " (event_id, processed_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
		this.purge = "DELETE FROM " + table + " WHERE processed_at < ?";
	}

	/**
	 * Marks an event processed, in the caller's transaction.
	 * @param eventId the event
	 * @return whether this is its first processing: {@code false} means its effect is
	 * already committed and must not be applied again
	 * @throws IllegalStateException if no transaction is active
	 */
	public boolean markProcessed(UUID eventId) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An event is marked processed in the transaction of its effect");
		}
		return this.jdbc.sql(this.insert)
			.params(SqlValues.uuid(eventId), SqlValues.ts(this.clock.instant()))
			.update() == 1;
	}

	/**
	 * Forgets marks past their retention.
	 * @return how many were deleted
	 */
	@Scheduled(fixedDelayString = "${platform.events.processed-purge-interval:1h}",
			initialDelayString = "${platform.events.processed-purge-interval:1h}")
	public int purge() {
		Instant before = this.clock.instant().minus(this.properties.processedRetention());
		return this.jdbc.sql(this.purge).params(SqlValues.ts(before)).update();
	}

}
