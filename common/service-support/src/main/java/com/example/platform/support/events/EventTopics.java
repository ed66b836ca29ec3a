package com.example.platform.support.events;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Topic names of this deployment ({@code platform.events.topic-prefix} + the name a
 * service gives) and their declarations, created at start-up by Spring's
 * {@link KafkaAdmin} when missing.
 */
public class EventTopics {

	private static final String DEAD_LETTER_SUFFIX = ".dlt";

	private final EventsProperties properties;

	private final String group;

	/**
	 * @param properties the events settings
	 * @param group this service's consumer group
	 */
	public EventTopics(EventsProperties properties, String group) {
		this.properties = properties;
		this.group = group;
	}

	/**
	 * @param topic a topic's name, such as {@code payments.v1}
	 * @return its name in this deployment
	 */
	public String name(String topic) {
		return this.properties.topicPrefix() + topic;
	}

	/**
	 * @param consumedTopic the full name of a topic this service consumes
	 * @return where this service's consumer parks what it cannot process:
	 * {@code <topic>.<group>.dlt}, one per consuming service, so each one's failures can
	 * be inspected and replayed on their own
	 */
	public String deadLetterTopic(String consumedTopic) {
		return consumedTopic + "." + this.group + DEAD_LETTER_SUFFIX;
	}

	/**
	 * @param published the topics this service publishes to
	 * @return their declarations
	 */
	public KafkaAdmin.NewTopics declare(String... published) {
		return new KafkaAdmin.NewTopics(published(published).toArray(NewTopic[]::new));
	}

	/**
	 * @param published the topics this service publishes to
	 * @return how they are created
	 */
	public List<NewTopic> published(String... published) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : published) {
			topics.add(topic(name(topic)));
		}
		return topics;
	}

	/**
	 * @param consumed the topics this service consumes
	 * @return their declarations (whichever service starts first creates them) and those
	 * of this service's dead-letter topics
	 */
	public KafkaAdmin.NewTopics declareConsumed(String... consumed) {
		return new KafkaAdmin.NewTopics(consumed(consumed).toArray(NewTopic[]::new));
	}

	/**
	 * @param consumed the topics this service consumes
	 * @return how they and this service's dead-letter topics are created
	 */
	public List<NewTopic> consumed(String... consumed) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : consumed) {
			topics.add(topic(name(topic)));
			topics.add(topic(deadLetterTopic(name(topic))));
		}
		return topics;
	}

	private NewTopic topic(String name) {
		return TopicBuilder.name(name)
			.partitions(this.properties.partitions())
			.replicas(this.properties.replicas())
			.build();
	}

}
