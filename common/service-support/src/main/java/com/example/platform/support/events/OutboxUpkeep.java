package com.example.platform.support.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the outbox: sends again what the broker has not acknowledged in time (it was
 * down, or the process died between commit and send), deletes sent entries after their
 * retention, and shows the backlog as the gauge {@code events.outbox.backlog}. Several
 * instances doing this at once can send an event twice, never lose one: consumers apply
 * each event once.
 */
public class OutboxUpkeep {

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final EventsProperties.OutboxKeeping keeping;

	public OutboxUpkeep(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			EventsProperties properties, JdbcClient jdbc, MeterRegistry meters) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.keeping = properties.outbox();
		Gauge
			.builder("events.outbox.backlog",
					() -> jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
						.query(Long.class)
						.single())
			.description("Events stored but not yet acknowledged by the broker")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${platform.events.outbox.check-interval:10s}",
			initialDelayString = "${platform.events.outbox.check-interval:10s}")
	void keep() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.keeping.resubmitAfter());
		this.completed.deletePublicationsOlderThan(this.keeping.completedRetention());
	}

}
