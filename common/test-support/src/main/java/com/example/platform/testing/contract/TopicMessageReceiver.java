package com.example.platform.testing.contract;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.contract.verifier.converter.YamlContract;
import org.springframework.cloud.contract.verifier.messaging.MessageVerifierReceiver;
import org.springframework.cloud.contract.verifier.messaging.internal.ContractVerifierMessage;

/**
 * Reads the messages a provider sent, for its generated contract tests: each call answers
 * the next record of the topic that no earlier call answered and, when the contract's
 * message names its {@value #TYPE_HEADER} header, that has this type (a topic can carry
 * several event types of one aggregate, such as an order's placement before the event
 * under contract).
 */
public class TopicMessageReceiver implements MessageVerifierReceiver<ContractVerifierMessage>, DisposableBean {

	/** Long enough for an outbox that sends after the commit, on a busy machine. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	/** The header naming an event's type. */
	static final String TYPE_HEADER = "event-type";

	private static final Log logger = LogFactory.getLog(TopicMessageReceiver.class);

	private final String bootstrapServers;

	private final String topicPrefix;

	private final Map<String, TopicRecords> topics = new ConcurrentHashMap<>();

	private final Set<ConsumerRecord<String, byte[]>> answered = Collections
		.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	/**
	 * @param bootstrapServers the broker
	 * @param topicPrefix what this deployment puts before every topic name
	 */
	public TopicMessageReceiver(String bootstrapServers, String topicPrefix) {
		this.bootstrapServers = bootstrapServers;
		this.topicPrefix = topicPrefix;
	}

	@Override
	public @Nullable ContractVerifierMessage receive(String destination, long timeout, TimeUnit timeUnit,
			@Nullable YamlContract contract) {
		String topic = this.topicPrefix + destination;
		TopicRecords records = this.topics.computeIfAbsent(topic, name -> TopicRecords.of(this.bootstrapServers, name));
		Duration wait = Duration.of(timeout, timeUnit.toChronoUnit());
		try {
			Predicate<ConsumerRecord<String, byte[]>> ofContract = ofContract(contract);
			ConsumerRecord<String, byte[]> record = records
				.await(candidate -> !this.answered.contains(candidate) && ofContract.test(candidate), wait);
			this.answered.add(record);
			return message(record);
		}
		catch (ConditionTimeoutException ex) {
			logger.warn("No new message on " + topic + " within " + wait);
			return null;
		}
	}

	@Override
	public @Nullable ContractVerifierMessage receive(String destination, @Nullable YamlContract contract) {
		return receive(destination, DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, contract);
	}

	private static Predicate<ConsumerRecord<String, byte[]>> ofContract(@Nullable YamlContract contract) {
		if (contract == null || contract.outputMessage == null || contract.outputMessage.headers == null
				|| !(contract.outputMessage.headers.get(TYPE_HEADER) instanceof String type)) {
			return record -> true;
		}
		return record -> type.equals(TopicRecords.header(record, TYPE_HEADER));
	}

	private static ContractVerifierMessage message(ConsumerRecord<String, byte[]> record) {
		Map<String, Object> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		if (record.key() != null) {
			headers.put(TopicMessages.KEY_HEADER, record.key());
		}
		return new ContractVerifierMessage(new String(record.value(), StandardCharsets.UTF_8), headers);
	}

	@Override
	public void destroy() {
		this.topics.values().forEach(TopicRecords::close);
	}

}
