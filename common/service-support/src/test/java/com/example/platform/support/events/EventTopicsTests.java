package com.example.platform.support.events;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTopicsTests {

	private final EventTopics topics = new EventTopics(new EventsProperties("staging.", 6, (short) 3, "processed_event",
			Duration.ofDays(7), new EventsProperties.Retry(4, Duration.ofMillis(200), Duration.ofSeconds(2)),
			new EventsProperties.OutboxKeeping(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofHours(1))),
			"order-service");

	@Test
	void prefixesEveryTopicWithTheDeployments() {
		assertThat(this.topics.name("payments.v1")).isEqualTo("staging.payments.v1");
	}

	@Test
	void givesEachConsumingServiceItsOwnDeadLetterTopic() {
		assertThat(this.topics.deadLetterTopic("staging.payments.v1"))
			.isEqualTo("staging.payments.v1.order-service.dlt");
	}

	@Test
	void declaresPublishedTopicsWithTheConfiguredPartitionsAndReplicas() {
		assertThat(this.topics.published("payments.v1")).singleElement().satisfies(topic -> {
			assertThat(topic.name()).isEqualTo("staging.payments.v1");
			assertThat(topic.numPartitions()).isEqualTo(6);
			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
		});
	}

	@Test
	void declaresConsumedTopicsWithTheirDeadLetterTopics() {
		assertThat(this.topics.consumed("payments.v1")).extracting(NewTopic::name)
			.containsExactly("staging.payments.v1", "staging.payments.v1.order-service.dlt");
	}

}
