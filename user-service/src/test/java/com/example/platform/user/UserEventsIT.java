package com.example.platform.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What user-service tells the other services, on a real broker: a registration is
 * published on {@code users.v1}, keyed by the user id, with no personal data; the event
 * is stored with the account, so a registration that is refused (the address is taken, or
 * another registration of it won the race) publishes nothing.
 */
@UserServiceIntegrationTest
class UserEventsIT {

	private static final Duration WAIT = Duration.ofSeconds(40);

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	EventTopics topics;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void aRegistrationIsPublishedKeyedByTheUserWithoutPersonalData() {
		Map<String, Object> account = registered(AccountJourneyIT.unique("events"));
		String userId = account.get("id").toString();

		ConsumerRecord<String, byte[]> record = published(userId);
		assertThat(TopicRecords.header(record, "event-type")).isEqualTo("UserRegistered");
		assertThat(TopicRecords.header(record, "event-version")).isEqualTo("1");
		assertThat(TopicRecords.header(record, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("eventId").asString()).matches("[0-9a-f-]{36}");
		assertThat(event.get("type").asString()).isEqualTo("UserRegistered");
		assertThat(event.get("version").asInt()).isEqualTo(1);
		assertThat(event.get("occurredAt").asString()).isEqualTo(account.get("createdAt"));
		assertThat(event.get("aggregateId").asString()).isEqualTo(userId);
		JsonNode payload = event.get("payload");
		assertThat(payload.propertyNames()).containsExactlyInAnyOrder("userId", "registeredAt");
		assertThat(payload.get("userId").asString()).isEqualTo(userId);
		assertThat(payload.get("registeredAt").asString()).isEqualTo(account.get("createdAt"));
		assertThat(TopicRecords.text(record)).doesNotContain(account.get("email").toString());
		await().atMost(WAIT).until(() -> outboxCompleted(userId));
	}

	@Test
	void aRefusedRegistrationPublishesNothing() throws Exception {
		long before = publications();
		String taken = AccountJourneyIT.unique("taken");
		String first = registered(taken).get("id").toString();
		register(taken.toUpperCase(java.util.Locale.ROOT)).expectStatus().isEqualTo(409);
		String winner = raceFor(AccountJourneyIT.unique("race"));
		String marker = registered(AccountJourneyIT.unique("marker")).get("id").toString();

		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("users.v1"))) {
			for (String id : List.of(first, winner, marker)) {
				records.await(record -> id.equals(record.key()), WAIT);
			}
			assertThat(records.seen()).filteredOn(record -> List.of(first, winner, marker).contains(record.key()))
				.hasSize(3);
		}
		// Every stored event is one of the three accounts': none for the refused
		// attempts.
		assertThat(publications()).isEqualTo(before + 3);
	}

	/**
	 * @return the id of the one registration of many concurrent ones that won
	 */
	private String raceFor(String email) throws Exception {
		int attempts = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<RestTestClient.ResponseSpec>> registrations = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			registrations.add(() -> {
				start.await();
				return register(email);
			});
		}
		List<String> winners = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
			List<Future<RestTestClient.ResponseSpec>> futures = registrations.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<RestTestClient.ResponseSpec> future : futures) {
				EntityExchangeResult<Map<String, Object>> result = future.get()
					.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
					})
					.returnResult();
				if (result.getStatus().value() == 201) {
					winners.add(result.getResponseBody().get("id").toString());
				}
				else {
					assertThat(result.getStatus().value()).isEqualTo(409);
				}
			}
		}
		assertThat(winners).hasSize(1);
		return winners.get(0);
	}

	private Map<String, Object> registered(String email) {
		return register(email).expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec register(String email) {
		return this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", PASSWORD, "name", "Someone"))
			.exchange();
	}

	private ConsumerRecord<String, byte[]> published(String userId) {
		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name("users.v1"))) {
			return records.await(record -> userId.equals(record.key()), WAIT);
		}
	}

	private long publications() {
		return this.jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single();
	}

	private boolean outboxCompleted(String userId) {
		return this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL")
			.param("%" + userId + "%")
			.query(Long.class)
			.single() == 1;
	}

}
