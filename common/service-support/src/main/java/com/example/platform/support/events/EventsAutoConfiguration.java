package com.example.platform.support.events;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.scheduling.annotation.AsyncConfigurer;

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

	/** The order of the outbox's sends, shared by its executor and the template. */
	@Bean
	SendOrder outboxSendOrder() {
		return new SendOrder();
	}

	/**
	 * Boot's template, configured as Boot configures it, that keeps the outbox's sends in
	 * their order ({@link OrderedKafkaTemplate}).
	 */
	@Bean
	@ConditionalOnMissingBean(KafkaTemplate.class)
	KafkaTemplate<?, ?> kafkaTemplate(ProducerFactory<Object, Object> producerFactory,
			ProducerListener<Object, Object> producerListener, ObjectProvider<RecordMessageConverter> converter,
			KafkaProperties properties, SendOrder order) {
		OrderedKafkaTemplate template = new OrderedKafkaTemplate(producerFactory, order);
		converter.ifUnique(template::setMessageConverter);
		template.setProducerListener(producerListener);
		KafkaProperties.Template settings = properties.getTemplate();
		if (settings.getDefaultTopic() != null) {
			template.setDefaultTopic(settings.getDefaultTopic());
		}
		if (settings.getTransactionIdPrefix() != null) {
			template.setTransactionIdPrefix(settings.getTransactionIdPrefix());
		}
		template.setObservationEnabled(settings.isObservationEnabled());
		return template;
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
				// The record's timestamp is the event's occurrence (in its transaction),
				// not its send: consumers measure their latency from it.
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
		 * The outbox's {@code @Async} executor: Modulith sends each event on it after its
		 * commit, and Spring makes the thread that sends wait for the acknowledgement.
		 * Each send gets a virtual thread of its own, so none waits for another's
		 * acknowledgement, and a ticket taken at submission, in commit order, so the
		 * records reach the producer in that order ({@link SendOrder},
		 * {@link OrderedKafkaTemplate}): an aggregate's events keep their order on their
		 * partition. (Virtual threads without the tickets let an order's
		 * {@code OrderPaid} overtake its {@code OrderPlaced}; one platform thread kept
		 * the order but sent about 100 events a second and its queue grew until the heap
		 * ran out.) At most {@value OutboxSender#IN_FLIGHT} sends are under way; beyond
		 * that, and while the broker cannot be reached (each send waits at most
		 * {@code max.block.ms}), events stay in the outbox for the upkeep to resubmit.
		 * The services use {@code @Async} for nothing else.
		 */
		@Bean
		@ConditionalOnMissingBean(AsyncConfigurer.class)
		// Stops before the completions' writer: the acknowledgements of its last sends
		// are still written in batches.
		@DependsOn("outboxCompletions")
		OutboxSender outboxSender(SendOrder order, ObjectProvider<TaskDecorator> decorator) {
			return new OutboxSender(order, decorator.getIfUnique());
		}

		@Bean
		OutboxCompletions outboxCompletions(JdbcClient jdbc) {
			return new OutboxCompletions(jdbc);
		}

		/**
		 * Modulith's registry without its two transactions per send (see
		 * {@link OutboxRegistry}); its own stays in the context, unused. Only where sent
		 * entries are kept (the platform's completion mode): a completion is then an
		 * update of the entry.
		 */
		@Bean
		@Primary
		@ConditionalOnProperty(name = "spring.modulith.events.completion-mode", havingValue = "update",
				matchIfMissing = true)
		OutboxRegistry outboxRegistry(EventPublicationRepository repository, OutboxCompletions completions,
				ObjectProvider<Clock> clock) {
			return new OutboxRegistry(repository, completions, clock.getIfAvailable(Clock::systemUTC));
		}

		@Bean
		OutboxUpkeep outboxUpkeep(IncompleteEventPublications incomplete, CompletedEventPublications completed,
				EventsProperties properties, JdbcClient jdbc, MeterRegistry meters) {
			return new OutboxUpkeep(incomplete, completed, properties, jdbc, meters);
		}

	}

	/**
	 * The outbox's sends, each on a virtual thread of its own, handed to the producer in
	 * submission order. Sends under way finish (for a few seconds) when the service
	 * stops; any left are resubmitted from the outbox after the next start.
	 */
	static final class OutboxSender implements AsyncConfigurer, DisposableBean {

		/** Sends under way, at most; a send beyond them stays in the outbox. */
		static final int IN_FLIGHT = 10_000;

		private final SendOrder order;

		private final @Nullable TaskDecorator decorator;

		private final ExecutorService threads = Executors
			.newThreadPerTaskExecutor(Thread.ofVirtual().name("outbox-", 0).factory());

		private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

		OutboxSender(SendOrder order, @Nullable TaskDecorator decorator) {
			this.order = order;
			this.decorator = decorator;
		}

		@Override
		public Executor getAsyncExecutor() {
			return this::submit;
		}

		private void submit(Runnable send) {
			if (!this.inFlight.tryAcquire()) {
				throw new TaskRejectedException(IN_FLIGHT + " outbox sends under way; this one stays in the outbox");
			}
			long ticket = this.order.take();
			Runnable decorated = (this.decorator != null) ? this.decorator.decorate(send) : send;
			try {
				this.threads.execute(() -> {
					try {
						this.order.run(ticket, decorated);
					}
					finally {
						this.inFlight.release();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				this.order.passed(ticket);
				this.inFlight.release();
				throw new TaskRejectedException("The outbox has stopped sending", ex);
			}
		}

		@Override
		public void destroy() throws InterruptedException {
			this.threads.shutdown();
			this.threads.awaitTermination(5, TimeUnit.SECONDS);
		}

	}

}
