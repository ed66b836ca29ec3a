package com.example.platform.support.events;

import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.Observation;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * The services' {@link KafkaTemplate}: a send of the outbox (one with a {@link SendOrder}
 * ticket on its thread) hands its record to the producer only when every earlier send
 * has, and lets the next one go as soon as the producer has it. Every other send (dead
 * letters, tests) goes straight through.
 */
class OrderedKafkaTemplate extends KafkaTemplate<Object, Object> {

	private final SendOrder order;

	OrderedKafkaTemplate(ProducerFactory<Object, Object> producerFactory, SendOrder order) {
		super(producerFactory);
		this.order = order;
	}

	@Override
	protected CompletableFuture<SendResult<Object, Object>> doSend(ProducerRecord<Object, Object> record,
			@Nullable Observation observation) {
		Long ticket = SendOrder.current();
		if (ticket == null) {
			return super.doSend(record, observation);
		}
		try {
			this.order.awaitTurn(ticket);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return CompletableFuture.failedFuture(ex);
		}
		try {
			// Its acknowledgement completes the outbox entry on the producer's network
			// thread: the registry only queues the completion (OutboxCompletions).
			return super.doSend(record, observation);
		}
		finally {
			this.order.passed(ticket);
		}
	}

}
