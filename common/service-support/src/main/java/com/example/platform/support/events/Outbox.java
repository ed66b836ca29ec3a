package com.example.platform.support.events;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes events in the transaction of the state change that causes them: Spring
 * Modulith stores each one in the service's {@code event_publication} table in that
 * transaction and sends it to Kafka after the commit, completing the entry once the
 * broker has acknowledged it. Entries the broker never acknowledged are sent again by
 * {@link OutboxUpkeep}: at least once, never lost, and never sent for a rolled-back
 * change.
 */
public class Outbox {

	private final ApplicationEventPublisher publisher;

	public Outbox(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * @param event the event; stored with the current transaction
	 * @throws IllegalStateException if no transaction is active: the event would be
	 * neither stored nor sent
	 */
	public void publish(OutgoingEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"An event is published in the transaction of the change that causes it; none is active for "
							+ event.type());
		}
		this.publisher.publishEvent(event);
	}

}
