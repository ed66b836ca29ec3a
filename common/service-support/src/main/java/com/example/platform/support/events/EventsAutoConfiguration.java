package com.example.platform.support.events;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Events for the services that have Kafka on their class path: topic names, the event
 * reader, processed-event marks, retries and dead-letter topics for consumers; and, for
 * those that also have Spring Modulith's event publication registry, the outbox and its
 * upkeep.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
		beforeName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				// before Boot's AsyncConfigurer, which backs off for the outbox's
				"org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
				"org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
				"org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration" })
@ConditionalOnClass(KafkaOperations.class)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

	/** Headers every outgoing event carries, for consumers that route before parsing. */
	static final String TYPE_HEADER = "event-type";

	static final String VERSION_HEADER = "event-version";

	@Bean
	EventTopics eventTopics(EventsProperties properties, Environment environment) {
		// The consumer group names the dead-letter topics: the service's name by default.
		return new EventTopics(properties, environment.getProperty("spring.kafka.consumer.group-id",
				environment.getProperty("spring.application.name", "application")));
	}

	@Bean
	EventReader eventReader(JsonMapper json) {
		return new EventReader(json);
	}

	@Bean
	@ConditionalOnBean(JdbcClient.class)
	@ConditionalOnProperty("platform.events.processed-table")
	ProcessedEvents processedEvents(JdbcClient jdbc, ObjectProvider<Clock> clock, EventsProperties properties) {
		return new ProcessedEvents(jdbc, clock.getIfAvailable(Clock::systemUTC), properties);
	}

	/**
	 * A failing event is retried with backoff (the database may be failing over), then
	 * parked on the consumer's dead-letter topic with the failure as headers; an invalid
	 * one is parked at once. Either way the partition moves on.
	 */
	@Bean
	CommonErrorHandler eventErrorHandler(KafkaOperations<Object, Object> kafka, EventTopics topics,
			EventsProperties properties) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(topics.deadLetterTopic(record.topic()), record.partition()));
		EventsProperties.Retry retry = properties.retry();
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts());
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(2);
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
		handler.addNotRetryableExceptions(InvalidEventException.class);
		return handler;
	}

	/**
	 * Every listener's latency per event, from the change in the producer to the effect
	 * here ({@code events.consumed.latency}), by the system clock: a service's own
	 * {@code Clock} (fixed in some tests) is domain time, not elapsed time.
	 */
	@Bean
	@ConditionalOnMissingBean(RecordInterceptor.class)
	EventLatency eventLatency(MeterRegistry meters) {
		return new EventLatency(meters, Clock.systemUTC());
	}

	/**
	 * The outbox sends on a task executor after the commit: the trace (and request id) of
	 * the change goes with it, so the consumer's span joins the trace that caused the
	 * event.
	 */
	@Bean
	@ConditionalOnMissingBean(TaskDecorator.class)
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

	/** The outbox, for the services that publish events. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EventExternalizationConfiguration.class)
	@ConditionalOnBean(JdbcClient.class)
	static class OutboxConfiguration {

		@Bean
		Outbox outbox(ApplicationEventPublisher publisher) {
			return new Outbox(publisher);
		}

		@Bean
		EventExternalizationConfiguration eventExternalization(EventTopics topics) {
			return EventExternalizationConfiguration.externalizing()
				.selectByType(OutgoingEvent.class)
				.route(OutgoingEvent.class,
						event -> RoutingTarget.forTarget(topics.name(event.topic())).andKey(event.key()))
				// The record's timestamp is when the event occurred (in its transaction),
				// not
				// when the outbox got to send it: consumers measure their latency from
				// it.
				.headers(OutgoingEvent.class,
						event -> Map.of(TYPE_HEADER, event.type(), VERSION_HEADER, String.valueOf(event.version()),
								KafkaHeaders.TIMESTAMP, event.occurredAt().toEpochMilli()))
				.build();
		}

		/**
		 * Events stored as JSON by the service's own mapper, looked up once: Modulith's
		 * default serializer looks the mapper up in the bean factory for every event (2 %
		 * of payment-service's CPU per order).
		 */
		@Bean
		JsonEventSerializer eventSerializer(JsonMapper json) {
			return new JsonEventSerializer(json);
		}

		/**
		 * The outbox hands its events to the broker after their commits on one thread, in
		 * the order the commits happened: an aggregate's events keep their order on their
		 * partition. Modulith sends on the default {@code @Async} executor, which with
		 * virtual threads starts a thread per event, so an order's {@code OrderPaid}
		 * could overtake its {@code OrderPlaced} (seen under load). Spring's
		 * {@code @Async} makes that thread wait for each acknowledgement (the producer
		 * sends at once, {@code linger.ms} 0), so at most {@value OutboxSender#QUEUE}
		 * events wait for it: beyond that, and while the broker cannot be reached (each
		 * send waits at most {@code max.block.ms}), events stay in the outbox for the
		 * upkeep to resubmit, and the heap stays bounded. The services use {@code @Async}
		 * for nothing else.
		 */
		@Bean
		@ConditionalOnMissingBean(AsyncConfigurer.class)
		OutboxSender outboxSender(ThreadPoolTaskExecutorBuilder builder) {
			return new OutboxSender(builder);
		}

		@Bean
		OutboxUpkeep outboxUpkeep(IncompleteEventPublications incomplete, CompletedEventPublications completed,
				EventsProperties properties, JdbcClient jdbc, MeterRegistry meters) {
			return new OutboxUpkeep(incomplete, completed, properties, jdbc, meters);
		}

	}

	/**
	 * One thread, in submission order, for the outbox's sends: the {@code @Async}
	 * executor of a service with an outbox. Queued sends finish (for a few seconds) when
	 * the service stops; any left are resubmitted from the outbox after the next start. A
	 * send refused because {@value #QUEUE} are waiting stays in the outbox.
	 */
	static final class OutboxSender implements AsyncConfigurer, DisposableBean {

		/** Sends waiting for the thread, at most. */
		static final int QUEUE = 10_000;

		private final ThreadPoolTaskExecutor executor;

		OutboxSender(ThreadPoolTaskExecutorBuilder builder) {
			this.executor = builder.corePoolSize(1)
				.maxPoolSize(1)
				.queueCapacity(QUEUE)
				.threadNamePrefix("outbox-")
				.awaitTermination(true)
				.awaitTerminationPeriod(Duration.ofSeconds(5))
				.build();
			this.executor.initialize();
		}

		@Override
		public Executor getAsyncExecutor() {
			return this.executor;
		}

		@Override
		public void destroy() {
			this.executor.shutdown();
		}

	}

}
