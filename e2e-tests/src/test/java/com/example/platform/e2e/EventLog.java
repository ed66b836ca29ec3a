package com.example.platform.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's broker as a reader sees it: every event on a topic, from the beginning,
 * and how far a consumer group has read. No consumer group of its own, so reading changes
 * nothing for the services.
 */
final class EventLog {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final String bootstrapServers;

	EventLog(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * @param topic the topic
	 * @return every event on it, the envelopes as JSON, in partition order
	 */
	List<JsonNode> events(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT)
				.stream()
				.map(partition -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			List<JsonNode> events = new ArrayList<>();
			// Bounded: a topic of this test run holds a few thousand events at most.
			for (int poll = 0; poll < 1000 && !readTo(consumer, ends); poll++) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					events.add(json.readTree(record.value()));
				}
			}
			if (!readTo(consumer, ends)) {
				throw new IllegalStateException("Could not read " + topic + " to its end " + ends);
			}
			return events;
		}
	}

	private static boolean readTo(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), TIMEOUT) >= end.getValue());
	}

	/**
	 * @param group a consumer group
	 * @param topic a topic it reads
	 * @return how many of the topic's records the group has not committed yet
	 */
	long lag(String group, String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			List<TopicPartition> partitions = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.get(topic)
				.partitions()
				.stream()
				.map(partition -> new TopicPartition(topic, partition.partition()))
				.toList();
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
				.listOffsets(partitions.stream()
					.collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
				.all()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			long lag = 0;
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata offset = committed.get(partition);
				lag += ends.get(partition).offset() - ((offset != null) ? offset.offset() : 0);
			}
			return lag;
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Broker at " + this.bootstrapServers + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
