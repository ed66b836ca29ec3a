package com.example.platform.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the outbox's events to Kafka after their transactions commit. Spring Modulith's
 * registry stores an entry for this listener with every event, in the event's
 * transaction; after the commit the event is handed to the producer and the entry is
 * completed (by the registry, on the returned future) once the broker has acknowledged
 * it. What is not acknowledged stays incomplete and {@link OutboxUpkeep} has it sent
 * again.
 * <p>
 * One thread hands the records to the producer, in the order the commits happened, so an
 * aggregate's events keep their order on its partition; it does not wait for the broker:
 * the acknowledgements complete the entries on two other threads, off the producer's
 * network thread. (Modulith's own Kafka externalizer runs on the {@code @Async} executor,
 * whose thread waits for each acknowledgement: with one thread for ordering that made
 * about 100 events a second the limit, and the queue of waiting events grew until the
 * heap ran out.) While the broker cannot be reached each hand-over waits at most
 * {@code max.block.ms}; at most {@value #QUEUE} events wait for the thread, later ones
 * are left to the upkeep, so an outage under load cannot exhaust the heap. The record's
 * timestamp is the event's {@code occurredAt}, from which consumers measure their latency
 * ({@link EventLatency}).
 */
public class OutboxRelay implements DisposableBean {

	/** Events waiting to be handed to the producer, at most. */
	static final int QUEUE = 10_000;

	private final KafkaOperations<Object, Object> kafka;

	private final EventTopics topics;

	private final JsonMapper json;

	private final ThreadPoolTaskExecutor handOver;

	private final ThreadPoolTaskExecutor acknowledgements;

	public OutboxRelay(KafkaOperations<Object, Object> kafka, EventTopics topics, JsonMapper json,
			ThreadPoolTaskExecutorBuilder builder) {
		this.kafka = kafka;
		this.topics = topics;
		this.json = json;
		this.handOver = start(builder.corePoolSize(1).maxPoolSize(1).queueCapacity(QUEUE).threadNamePrefix("outbox-"));
		this.acknowledgements = start(builder.corePoolSize(2)
			.maxPoolSize(2)
			.queueCapacity(Integer.MAX_VALUE)
			.threadNamePrefix("outbox-ack-"));
	}

	private static ThreadPoolTaskExecutor start(ThreadPoolTaskExecutorBuilder builder) {
		// Queued events go out (for a few seconds) when the service stops; any left are
		// sent again from the outbox after the next start.
		ThreadPoolTaskExecutor executor = builder.awaitTermination(true)
			.awaitTerminationPeriod(Duration.ofSeconds(5))
			.build();
		executor.initialize();
		return executor;
	}

	/**
	 * @param event an event whose transaction has committed
	 * @return completes when the broker has acknowledged the event, which completes its
	 * outbox entry; fails when it did not take it
	 */
	@TransactionalEventListener
	public CompletableFuture<?> send(OutgoingEvent event) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(this.topics.name(event.topic()), null,
				event.occurredAt().toEpochMilli(), event.key(), this.json.writeValueAsBytes(event));
		record.headers()
			.add(EventsAutoConfiguration.TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8))
			.add(EventsAutoConfiguration.VERSION_HEADER,
					String.valueOf(event.version()).getBytes(StandardCharsets.UTF_8));
		CompletableFuture<Object> acknowledged = new CompletableFuture<>();
		try {
			this.handOver.execute(() -> {
				try {
					this.kafka.send(record).whenCompleteAsync((result, failure) -> {
						if (failure != null) {
							acknowledged.completeExceptionally(failure);
						}
						else {
							acknowledged.complete(result);
						}
					}, this.acknowledgements);
				}
				catch (RuntimeException ex) {
					acknowledged.completeExceptionally(ex);
				}
			});
		}
		catch (TaskRejectedException ex) {
			acknowledged.completeExceptionally(ex);
		}
		return acknowledged;
	}

	@Override
	public void destroy() {
		this.handOver.shutdown();
		this.acknowledgements.shutdown();
	}

}
