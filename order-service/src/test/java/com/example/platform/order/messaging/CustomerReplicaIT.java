package com.example.platform.order.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.ordering.CustomerReplica;
import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.kafka.EventRecords;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * user-service's {@code UserRegistered} events, as order-service consumes them from a
 * real broker into its customer replica in its real database: an announced customer is
 * recorded, an event delivered again changes nothing, a customer first recorded from a
 * lookup gets its registration time, and what cannot be applied (not JSON, a newer
 * version, another type, a missing or contradicting field) is parked on the dead-letter
 * topic with its reason while the events behind it are still applied.
 */
@OrderServiceIntegrationTest
class CustomerReplicaIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Instant REGISTERED = Instant.parse("2026-12-07T10:00:00.123456Z");

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	EventTopics topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerReplica replica;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anAnnouncedCustomerIsRecorded() {
		UUID user = UUID.randomUUID();

		send(user, registered(UUID.randomUUID(), user, REGISTERED));

		Map<String, Object> row = await().atMost(WAIT).until(() -> stored(user), Optional::isPresent).orElseThrow();
		assertThat(((Timestamp) row.get("registered_at")).toInstant()).isEqualTo(REGISTERED);
		assertThat(this.replica.contains(user)).isTrue();
	}

	@Test
	void anEventDeliveredAgainChangesNothing() {
		UUID user = UUID.randomUUID();
		String event = registered(UUID.randomUUID(), user, REGISTERED);
		send(user, event);
		Map<String, Object> first = await().atMost(WAIT).until(() -> stored(user), Optional::isPresent).orElseThrow();

		send(user, event);
		// The same user announced again under another event id (the outbox sent it
		// twice).
		send(user, registered(UUID.randomUUID(), user, REGISTERED.plusSeconds(60)));
		UUID marker = UUID.randomUUID();
		send(user, registered(UUID.randomUUID(), marker, REGISTERED));
		await().atMost(WAIT).until(() -> stored(marker).isPresent());

		assertThat(stored(user)).contains(first);
	}

	@Test
	void aCustomerFirstConfirmedByALookupGetsItsRegistrationTimeFromTheEvent() {
		UUID user = UUID.randomUUID();
		this.replica.confirmed(user);
		assertThat(stored(user).orElseThrow().get("registered_at")).isNull();

		send(user, registered(UUID.randomUUID(), user, REGISTERED));

		await().atMost(WAIT).until(() -> stored(user).orElseThrow().get("registered_at") != null);
		assertThat(((Timestamp) stored(user).orElseThrow().get("registered_at")).toInstant()).isEqualTo(REGISTERED);
	}

	@Test
	void parksWhatItCannotApplyWithTheReasonAndGoesOn() {
		UUID key = UUID.randomUUID();
		UUID newer = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		UUID named = UUID.randomUUID();
		send(key, "{not json");
		send(newer, registered(UUID.randomUUID(), newer, REGISTERED).replace("\"version\":1", "\"version\":2"));
		send(other, registered(UUID.randomUUID(), other, REGISTERED).replace("\"UserRegistered\"", "\"UserDeleted\""));
		send(key, """
				{"eventId":"%s","type":"UserRegistered","version":1,"occurredAt":"2026-12-07T10:00:00Z",
				 "aggregateId":"%s","payload":{"registeredAt":"2026-12-07T10:00:00Z"}}""".formatted(UUID.randomUUID(),
				key));
		send(named, registered(UUID.randomUUID(), named, REGISTERED).replace("\"aggregateId\":\"" + named,
				"\"aggregateId\":\"" + key));
		UUID after = UUID.randomUUID();
		send(after, registered(UUID.randomUUID(), after, REGISTERED));

		await().atMost(WAIT).until(() -> stored(after).isPresent());
		String deadLetters = this.topics.deadLetterTopic(this.topics.name(UserEventsListener.TOPIC));
		try (TopicRecords dead = TopicRecords.of(this.bootstrapServers, deadLetters)) {
			assertThat(TopicRecords.deadLetterReason(dead.await(r -> TopicRecords.text(r).equals("{not json"), WAIT)))
				.contains("Not JSON");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains(newer.toString()), WAIT)))
				.contains("Version 2 of UserRegistered is newer than 1");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains(other.toString()), WAIT)))
				.contains("Unexpected type 'UserDeleted'");
			assertThat(TopicRecords.deadLetterReason(
					dead.await(r -> TopicRecords.text(r).contains("\"payload\":{\"registeredAt\""), WAIT)))
				.contains("UserRegistered needs userId and registeredAt");
			assertThat(TopicRecords
				.deadLetterReason(dead.await(r -> TopicRecords.text(r).contains(named.toString()), WAIT)))
				.contains("names aggregate " + key);
		}
		assertThat(stored(newer)).isEmpty();
		assertThat(stored(other)).isEmpty();
		assertThat(stored(named)).isEmpty();
	}

	private void send(UUID key, String value) {
		EventRecords.send(this.kafka, this.topics.name(UserEventsListener.TOPIC), key.toString(), value);
	}

	private Optional<Map<String, Object>> stored(UUID user) {
		return this.jdbc.sql("SELECT registered_at, recorded_at FROM customer WHERE user_id = ?")
			.param(user)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
	}

	/** As user-service publishes it (its contract keeps the two in step). */
	static String registered(UUID eventId, UUID userId, Instant registeredAt) {
		return """
				{"eventId":"%s","type":"UserRegistered","version":1,"occurredAt":"%s",
				 "aggregateId":"%s","payload":{"userId":"%s","registeredAt":"%s"}}""".formatted(eventId, registeredAt,
				userId, userId, registeredAt);
	}

}
