package com.example.platform.testing.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import org.awaitility.Awaitility;

/**
 * Reads what a topic holds, from its beginning, as a consumer of its own: for tests that
 * check what a service sent. Close it when done.
 */
public final class TopicRecords implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	private TopicRecords(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"test-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(topic));
	}

	/**
	 * @param bootstrapServers the broker
	 * @param topic the topic's full name
	 * @return a reader of the topic from its first record
	 */
	public static TopicRecords of(String bootstrapServers, String topic) {
		return new TopicRecords(bootstrapServers, topic);
	}

	/**
	 * Waits for a record that matches.
	 * @param match what the record must satisfy
	 * @param timeout how long to wait
	 * @return the first matching record
	 */
	public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
		return Awaitility.await().atMost(timeout).pollInterval(Duration.ZERO).until(() -> {
			poll();
			return this.seen.stream().filter(match).findFirst().orElse(null);
		}, record -> record != null);
	}

	/**
	 * Polls for a while and answers everything seen so far: for checking that something
	 * did not arrive, after something sent later did.
	 * @return every record read
	 */
	public List<ConsumerRecord<String, byte[]>> seen() {
		poll();
		return List.copyOf(this.seen);
	}

	private void poll() {
		this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
	}

	/**
	 * @param record a record
	 * @return its value as text
	 */
	public static String text(ConsumerRecord<String, byte[]> record) {
		return new String(record.value(), StandardCharsets.UTF_8);
	}

	/**
	 * @param record a record
	 * @param name a header's name
	 * @return the last value of the header as text, or {@code null}
	 */
	public static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * @param deadLetter a record a listener parked on its dead-letter topic
	 * @return why it parked it: the exception's message
	 */
	public static @Nullable String deadLetterReason(ConsumerRecord<String, byte[]> deadLetter) {
		return header(deadLetter, "kafka_dlt-exception-message");
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(2));
	}

}
