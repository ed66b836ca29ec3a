package com.example.platform.order.contract;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.contract.stubrunner.StubTrigger;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * user-service's {@code UserRegistered} events as its messaging contract promises them:
 * the stub runner sends the contract's message to the real broker and the service's own
 * listener records the customer. If the user service changes what it publishes, its
 * contract changes and this test fails (with the reason the listener gave when it parked
 * the event instead of applying it).
 */
class UserEventsContractIT extends WithProviderStubs {

	/** The user the contract's event announces (its consumer value). */
	static final UUID REGISTERED_USER = UUID.fromString("7c1f3b5e-0000-4a4a-9c9c-0000000000e1");

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	StubTrigger stubs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventTopics topics;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anAnnouncedRegistrationRecordsTheCustomer() {
		assertThat(this.stubs.trigger("user_registered")).isTrue();

		String deadLetters = this.topics.deadLetterTopic(this.topics.name("users.v1"));
		try (TopicRecords parked = TopicRecords.of(this.bootstrapServers, deadLetters)) {
			Instant registeredAt = await().atMost(WAIT)
				.failFast("The event for user " + REGISTERED_USER + " was parked on " + deadLetters,
						() -> assertThat(parked.seen())
							.filteredOn(record -> TopicRecords.text(record).contains(REGISTERED_USER.toString()))
							.extracting(TopicRecords::deadLetterReason)
							.isEmpty())
				.until(this::registeredAt, found -> found != null);
			assertThat(registeredAt).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
		}
	}

	private Instant registeredAt() {
		return this.jdbc.sql("SELECT registered_at FROM customer WHERE user_id = ?")
			.param(REGISTERED_USER)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

}
