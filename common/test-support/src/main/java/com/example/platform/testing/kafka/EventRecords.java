package com.example.platform.testing.kafka;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends events to a topic the way the services' outboxes do (the key, the JSON value, the
 * {@code event-type} and {@code event-version} headers), for tests of consumers; each
 * send waits for the broker.
 */
public final class EventRecords {

	private EventRecords() {
	}

	/**
	 * Sends a value without the type headers, as a foreign or broken producer would.
	 * @param kafka the template
	 * @param topic the full topic name (with the context's prefix)
	 * @param key the record key
	 * @param value the value, sent as UTF-8
	 */
	public static void send(KafkaOperations<Object, Object> kafka, String topic, String key, String value) {
		kafka.send(topic, key, value.getBytes(StandardCharsets.UTF_8)).join();
	}

	/**
	 * Sends an event with its type headers.
	 * @param kafka the template
	 * @param topic the full topic name (with the context's prefix)
	 * @param key the record key
	 * @param type the {@code event-type} header
	 * @param version the {@code event-version} header
	 * @param value the value, sent as UTF-8
	 */
	public static void send(KafkaOperations<Object, Object> kafka, String topic, String key, String type, int version,
			String value) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, key,
				value.getBytes(StandardCharsets.UTF_8));
		record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
		record.headers().add("event-version", String.valueOf(version).getBytes(StandardCharsets.UTF_8));
		kafka.send(record).join();
	}

}
