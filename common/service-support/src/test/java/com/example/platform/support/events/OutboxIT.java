package com.example.platform.support.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.testing.kafka.EventRecords;
import com.example.platform.testing.kafka.RealKafka;
import com.example.platform.testing.kafka.TopicRecords;
import com.example.platform.testing.postgres.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The outbox and the consumer plumbing against a real PostgreSQL and a real Kafka broker:
 * an event goes out after its transaction commits and never for a rolled-back one; what
 * the broker cannot take waits in the outbox and goes out when it can; a consumer applies
 * an event once, retries what fails for a while, and parks what it can never process on
 * its dead-letter topic with the reason.
 */
@SpringBootTest(classes = OutboxIT.Application.class, webEnvironment = WebEnvironment.NONE, properties = {
		"spring.application.name=outbox-it", "spring.config.import=classpath:platform-service-defaults.yaml",
		"spring.datasource.hikari.schema=events", "spring.modulith.events.jdbc.schema-initialization.enabled=true",
		"platform.events.processed-table=processed_event", "platform.events.outbox.check-interval=300ms",
		"platform.events.outbox.resubmit-after=1s", "platform.events.retry.attempts=2",
		"platform.events.retry.initial-interval=50ms", "spring.kafka.producer.properties.max.block.ms=1000",
		"spring.kafka.producer.properties.request.timeout.ms=1000",
		"spring.kafka.producer.properties.delivery.timeout.ms=2000" })
@RealPostgres(schema = "events")
@RealKafka
class OutboxIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventTopics topics;

	@Autowired
	KafkaAdmin admin;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Inbox inbox;

	@Autowired
	OutboxCompletions completions;

	@Autowired
	Beginnings beginnings;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void sendsAnEventStoredWithItsTransactionOnceItCommits() {
		create("things.v1");
		Thing thing = Thing.to("things.v1");
		this.transactions.executeWithoutResult(status -> this.outbox.publish(thing));

		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("things.v1"))) {
			ConsumerRecord<String, byte[]> record = records.await(r -> thing.aggregateId().equals(r.key()), WAIT);
			JsonNode sent = this.json.readTree(record.value());
			assertThat(sent.get("eventId").asString()).isEqualTo(thing.eventId().toString());
			assertThat(sent.get("type").asString()).isEqualTo("Thing");
			assertThat(sent.get("version").asInt()).isEqualTo(1);
			assertThat(sent.get("payload").get("note").asString()).isEqualTo("hello");
			assertThat(TopicRecords.header(record, "event-type")).isEqualTo("Thing");
			assertThat(TopicRecords.header(record, "event-version")).isEqualTo("1");
			// When it happened, not when the outbox got to it: consumers time from this.
			assertThat(record.timestampType()).isEqualTo(TimestampType.CREATE_TIME);
			assertThat(record.timestamp()).isEqualTo(thing.occurredAt().toEpochMilli());
			assertThat(record.headers().lastHeader(KafkaHeaders.TIMESTAMP)).isNull();
		}
		await().atMost(WAIT).until(() -> completed(thing));
	}

	@Test
	void sendsWithoutATransactionOfItsOwnForTheBookkeeping() {
		create("bookkept.v1");
		int before = this.beginnings.names.size();
		List<Thing> things = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Thing thing = Thing.to("bookkept.v1");
			things.add(thing);
			this.transactions.executeWithoutResult(status -> this.outbox.publish(thing));
		}
		await().atMost(WAIT).until(() -> things.stream().allMatch(this::completed));
		// Modulith opens one before each send ("processing") and one to complete the
		// entry; here completions are queued and written in batches.
		List<String> begun = List.copyOf(this.beginnings.names.subList(before, this.beginnings.names.size()));
		assertThat(begun).hasSizeGreaterThanOrEqualTo(things.size())
			.noneMatch(name -> name.contains("EventPublicationRegistry"));
	}

	@Test
	void writesEachCompletionWithItsOwnTimeAndKeepsAnEarlierOne() {
		// Recent, so that the upkeep neither resubmits nor purges them meanwhile.
		Instant published = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		UUID first = storedEntry(published, null);
		UUID second = storedEntry(published, null);
		UUID done = storedEntry(published, published.plusMillis(5));
		Instant firstAt = published.plusNanos(123_456_000);
		Instant secondAt = published.plusNanos(1_000_001_000);

		this.completions.complete(first, firstAt);
		this.completions.complete(second, secondAt);
		this.completions.complete(done, secondAt);

		await().atMost(WAIT).until(() -> completion(first) != null && completion(second) != null);
		assertThat(completion(first)).isEqualTo(firstAt);
		assertThat(completion(second)).isEqualTo(secondAt);
		assertThat(completion(done)).isEqualTo(published.plusMillis(5));
		assertThat(this.completions.queued()).isZero();
	}

	@Test
	void sendsNothingForAChangeThatRolledBack() {
		create("rolled.v1");
		Thing rolledBack = Thing.to("rolled.v1");
		Thing committed = Thing.to("rolled.v1");
		this.transactions.executeWithoutResult(status -> {
			this.outbox.publish(rolledBack);
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult(status -> this.outbox.publish(committed));

		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("rolled.v1"))) {
			records.await(r -> committed.aggregateId().equals(r.key()), WAIT);
			// At least once: under load the committed event may be resubmitted and arrive
			// twice; the rolled-back one must never arrive.
			assertThat(records.seen()).extracting(ConsumerRecord::key).containsOnly(committed.aggregateId());
		}
		assertThat(stored(rolledBack)).isZero();
	}

	@Test
	void keepsTheOrderOfAnAggregatesEventsCommittedOneAfterAnother() {
		create("ordered.v1");
		// The producer knows the topic (a send that fails while it does not is
		// resubmitted
		// later, after the aggregate's later events: see the README).
		Thing first = Thing.to("ordered.v1");
		this.transactions.executeWithoutResult(status -> this.outbox.publish(first));
		await().atMost(WAIT).until(() -> completed(first));
		String aggregateId = UUID.randomUUID().toString();
		List<String> published = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Thing thing = Thing.numbered("ordered.v1", aggregateId, i);
			this.transactions.executeWithoutResult(status -> this.outbox.publish(thing));
			published.add(thing.payload().get("note"));
		}

		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("ordered.v1"))) {
			records.await(r -> TopicRecords.text(r).contains("\"note\":\"29\""), WAIT);
			// At least once: a resubmitted copy may come again later, never before.
			assertThat(records.seen()
				.stream()
				.filter(r -> aggregateId.equals(r.key()))
				.map(r -> this.json.readTree(r.value()).get("payload").get("note").asString())
				.distinct()).containsExactlyElementsOf(published);
		}
	}

	@Test
	void refusesToPublishOutsideATransaction() {
		assertThatIllegalStateException().isThrownBy(() -> this.outbox.publish(Thing.to("things.v1")))
			.withMessageContaining("transaction");
	}

	@Test
	void keepsWhatTheBrokerCannotTakeAndSendsItWhenItCan() {
		// The topic does not exist yet and the broker creates none on its own: every send
		// fails, as it does while the broker is down.
		Thing waiting = Thing.to("later.v1");
		this.transactions.executeWithoutResult(status -> this.outbox.publish(waiting));
		// Sends fail after a second; the entry is sent again every 0.3 s once 1 s old.
		await().atMost(WAIT).until(() -> backlog() >= 1);
		await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> !completed(waiting));

		create("later.v1");

		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("later.v1"))) {
			records.await(r -> waiting.aggregateId().equals(r.key()), WAIT);
		}
		await().atMost(WAIT).until(() -> completed(waiting));
		await().atMost(WAIT).until(() -> backlog() == 0);
	}

	@Test
	void appliesAnEventOnceHoweverOftenItIsDelivered() {
		UUID eventId = UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			send(Inbox.TOPIC, envelope(eventId, "apply"));
		}
		UUID marker = UUID.randomUUID();
		send(Inbox.TOPIC, envelope(marker, "apply"));
		await().atMost(WAIT).until(() -> this.inbox.applied.contains(marker));
		assertThat(this.inbox.effects.get(eventId)).hasValue(1);
		assertThat(this.inbox.deliveries.get(eventId)).hasValue(3);
	}

	@Test
	void retriesAFailingEventAndAppliesItWhenItSucceeds() {
		UUID eventId = UUID.randomUUID();
		send(Inbox.TOPIC, envelope(eventId, "fail-once"));
		await().atMost(WAIT).until(() -> this.inbox.applied.contains(eventId));
		assertThat(this.inbox.deliveries.get(eventId)).hasValue(2);
		assertThat(this.inbox.effects.get(eventId)).hasValue(1);
	}

	@Test
	void parksWhatItCanNeverProcessOnItsDeadLetterTopicWithTheReason() {
		String topic = this.topics.name(Inbox.TOPIC);
		UUID eventId = UUID.randomUUID();
		send(Inbox.TOPIC, "{\"eventId\":\"" + eventId + "\",\"type\":\"Other\"}");
		send(Inbox.TOPIC, "not json at all " + eventId);
		UUID failing = UUID.randomUUID();
		send(Inbox.TOPIC, envelope(failing, "fail-always"));

		try (TopicRecords dead = TopicRecords.of(this.bootstrapServers, this.topics.deadLetterTopic(topic))) {
			ConsumerRecord<String, byte[]> wrongType = dead.await(
					r -> TopicRecords.text(r).contains(eventId.toString()) && TopicRecords.text(r).startsWith("{"),
					WAIT);
			assertThat(TopicRecords.deadLetterReason(wrongType)).contains("Unexpected type 'Other'");
			ConsumerRecord<String, byte[]> notJson = dead.await(r -> TopicRecords.text(r).startsWith("not json"), WAIT);
			assertThat(TopicRecords.deadLetterReason(notJson)).contains("Not JSON");
			ConsumerRecord<String, byte[]> exhausted = dead
				.await(r -> TopicRecords.text(r).contains(failing.toString()), WAIT);
			assertThat(TopicRecords.deadLetterReason(exhausted)).contains("database away");
		}
		// First delivery and the two retries, then parked.
		assertThat(this.inbox.deliveries.get(failing)).hasValue(3);
		assertThat(this.inbox.effects).doesNotContainKey(failing);
	}

	@Test
	void timesEachAppliedEventFromItsOccurrenceAndNoneItParks() {
		Timer timer = this.meters.find(EventLatency.METER).tags("type", "Thing").timer();
		long countBefore = (timer != null) ? timer.count() : 0;
		double secondsBefore = (timer != null) ? timer.totalTime(TimeUnit.SECONDS) : 0;
		UUID late = UUID.randomUUID();
		send(Inbox.TOPIC, envelope(late, "apply"), "Thing", Instant.now().minusSeconds(5));
		UUID parked = UUID.randomUUID();
		send(Inbox.TOPIC, envelope(parked, "fail-always"), "Parked", Instant.now());
		await().atMost(WAIT).until(() -> this.inbox.applied.contains(late));

		// Timed after the listener returns: the meter may appear a moment after the
		// effect.
		await().atMost(WAIT).until(() -> {
			Timer timed = this.meters.find(EventLatency.METER)
				.tags("topic", this.topics.name(Inbox.TOPIC), "type", "Thing")
				.timer();
			return timed != null && timed.count() > countBefore;
		});
		Timer thing = this.meters.get(EventLatency.METER)
			.tags("topic", this.topics.name(Inbox.TOPIC), "type", "Thing")
			.timer();
		// This test's event took at least the 5 s it was old when sent; others are fresh.
		assertThat(thing.totalTime(TimeUnit.SECONDS) - secondsBefore).isGreaterThanOrEqualTo(5);
		try (TopicRecords dead = TopicRecords.of(this.bootstrapServers,
				this.topics.deadLetterTopic(this.topics.name(Inbox.TOPIC)))) {
			dead.await(r -> TopicRecords.text(r).contains(parked.toString()), WAIT);
		}
		assertThat(this.meters.find(EventLatency.METER).tags("type", "Parked").timer()).isNull();
	}

	private void create(String topic) {
		this.admin.createOrModifyTopics(TopicBuilder.name(this.topics.name(topic)).partitions(3).build());
	}

	private void send(String topic, String value) {
		EventRecords.send(this.kafka, this.topics.name(topic), "key", value);
	}

	private void send(String topic, String value, String type, Instant occurredAt) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(this.topics.name(topic), null,
				occurredAt.toEpochMilli(), "key", value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		record.headers().add("event-type", type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		this.kafka.send(record).join();
	}

	private static String envelope(UUID eventId, String action) {
		return """
				{"eventId":"%s","type":"Thing","version":1,"occurredAt":"2026-12-07T10:00:00Z",
				 "aggregateId":"a-1","payload":{"note":"%s","unknown":"ignored"},"addedLater":true}"""
			.formatted(eventId, action);
	}

	private boolean completed(Thing thing) {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL")
			.param("%" + thing.eventId() + "%")
			.query(Long.class)
			.single() == 1;
	}

	private long stored(Thing thing) {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
			.param("%" + thing.eventId() + "%")
			.query(Long.class)
			.single();
	}

	private UUID storedEntry(Instant published, Instant completed) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date) VALUES (?, 'test', 'Thing', ?, ?, ?)""")
			.params(id, "{\"eventId\":\"" + id + "\"}", java.sql.Timestamp.from(published),
					(completed != null) ? java.sql.Timestamp.from(completed) : null)
			.update();
		return id;
	}

	private Instant completion(UUID id) {
		return this.jdbc.sql("SELECT completion_date FROM event_publication WHERE id = ?")
			.param(id)
			.query((rs, row) -> {
				java.sql.Timestamp at = rs.getTimestamp(1);
				return (at != null) ? at.toInstant() : null;
			})
			.single();
	}

	private double backlog() {
		return this.meters.get("events.outbox.backlog").gauge().value();
	}

	/**
	 * A test event; its destination is a component (so it survives being stored), which a
	 * service's events do not need.
	 */
	record Thing(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
			Map<String, String> payload, String destination) implements OutgoingEvent {

		static Thing to(String topic) {
			return new Thing(UUID.randomUUID(), "Thing", 1, Instant.now(), UUID.randomUUID().toString(),
					Map.of("note", "hello"), topic);
		}

		static Thing numbered(String topic, String aggregateId, int number) {
			return new Thing(UUID.randomUUID(), "Thing", 1, Instant.now(), aggregateId,
					Map.of("note", String.valueOf(number)), topic);
		}

		@Override
		public String topic() {
			return this.destination;
		}

		@Override
		public String key() {
			return this.aggregateId;
		}

	}

	/**
	 * A consumer as a service writes one: read, mark processed and apply in one
	 * transaction.
	 */
	static class Inbox {

		static final String TOPIC = "inbox.v1";

		final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();

		final Map<UUID, AtomicInteger> effects = new ConcurrentHashMap<>();

		final Set<UUID> applied = ConcurrentHashMap.newKeySet();

		private final EventReader reader;

		private final ProcessedEvents processed;

		private final TransactionTemplate transactions;

		Inbox(EventReader reader, ProcessedEvents processed, TransactionTemplate transactions) {
			this.reader = reader;
			this.processed = processed;
			this.transactions = transactions;
		}

		@KafkaListener(topics = "#{@eventTopics.name('" + TOPIC + "')}")
		void on(ConsumerRecord<String, byte[]> record) {
			IncomingEvent event = this.reader.read(record.value(), "Thing", 1);
			String action = event.payload().get("note").asString();
			int delivery = this.deliveries.computeIfAbsent(event.eventId(), id -> new AtomicInteger())
				.incrementAndGet();
			if (action.equals("fail-always") || (action.equals("fail-once") && delivery == 1)) {
				throw new IllegalStateException("database away");
			}
			this.transactions.executeWithoutResult(status -> {
				if (this.processed.markProcessed(event.eventId())) {
					this.effects.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
				}
			});
			this.applied.add(event.eventId());
		}

	}

	/** The names of the transactions begun (Boot registers it with the manager). */
	static class Beginnings implements TransactionExecutionListener {

		final List<String> names = java.util.Collections.synchronizedList(new ArrayList<>());

		@Override
		public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
			this.names.add(String.valueOf(transaction.getTransactionName()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Beginnings beginnings() {
			return new Beginnings();
		}

		@Bean
		KafkaAdmin.NewTopics inboxTopics(EventTopics topics) {
			return topics.declareConsumed(Inbox.TOPIC);
		}

		@Bean
		Inbox inbox(EventReader reader, ProcessedEvents processed, TransactionTemplate transactions, JdbcClient jdbc) {
			jdbc.sql("""
					CREATE TABLE IF NOT EXISTS processed_event (
					    event_id uuid PRIMARY KEY, processed_at timestamptz NOT NULL)""").update();
			return new Inbox(reader, processed, transactions);
		}

	}

}
