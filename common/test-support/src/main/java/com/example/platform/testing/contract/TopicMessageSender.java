package com.example.platform.testing.contract;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.contract.verifier.converter.YamlContract;
import org.springframework.cloud.contract.verifier.messaging.MessageVerifierSender;
import org.springframework.cloud.contract.verifier.messaging.internal.ContractVerifierMessage;

/**
 * Sends a contract's message to its topic, for consumers' stub triggers; it is on the
 * broker when {@code send} returns.
 */
public class TopicMessageSender implements MessageVerifierSender<ContractVerifierMessage>, DisposableBean {

	private final String bootstrapServers;

	private final String topicPrefix;

	private @Nullable KafkaProducer<String, byte[]> producer;

	/**
	 * @param bootstrapServers the broker
	 * @param topicPrefix what this deployment puts before every topic name
	 */
	public TopicMessageSender(String bootstrapServers, String topicPrefix) {
		this.bootstrapServers = bootstrapServers;
		this.topicPrefix = topicPrefix;
	}

	@Override
	public void send(ContractVerifierMessage message, String destination, @Nullable YamlContract contract) {
		send(message.getPayload(), message.getHeaders(), destination, contract);
	}

	@Override
	public <T> void send(T payload, @Nullable Map<String, Object> headers, String destination,
			@Nullable YamlContract contract) {
		Map<String, Object> all = (headers != null) ? headers : Map.of();
		Object key = all.get(TopicMessages.KEY_HEADER);
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topicPrefix + destination,
				(key != null) ? key.toString() : null, bytes(payload));
		all.forEach((name, value) -> {
			if (value != null && !TopicMessages.KEY_HEADER.equals(name)) {
				record.headers().add(name, value.toString().getBytes(StandardCharsets.UTF_8));
			}
		});
		try {
			producer().send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send the contract's message to " + record.topic(), ex);
		}
	}

	private static byte[] bytes(@Nullable Object payload) {
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new IllegalArgumentException("A contract message's body is sent as text or bytes, not " + payload);
	}

	private synchronized KafkaProducer<String, byte[]> producer() {
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
					ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
		}
		return this.producer;
	}

	@Override
	public synchronized void destroy() {
		if (this.producer != null) {
			this.producer.close();
		}
	}

}
