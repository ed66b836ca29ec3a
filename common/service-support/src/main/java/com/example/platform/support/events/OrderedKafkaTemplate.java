package com.example.platform.support.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.micrometer.observation.Observation;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * The services' {@link KafkaTemplate}: a send of the outbox (one with a {@link SendOrder}
 * ticket on its thread) hands its record to the producer only when every earlier send
 * has, and lets the next one go as soon as the producer has it; its acknowledgement
 * completes the outbox entry on a virtual thread of its own. Every other send (dead
 * letters, tests) goes straight through.
 */
class OrderedKafkaTemplate extends KafkaTemplate<Object, Object> {

	private static final Executor COMPLETIONS = (task) -> Thread.ofVirtual().name("outbox-ack").start(task);

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
		CompletableFuture<SendResult<Object, Object>> sent;
		try {
			sent = super.doSend(record, observation);
		}
		finally {
			this.order.passed(ticket);
		}
		// The registry completes the outbox entry (one database update) on the thread
		// that completes this future: a virtual thread of its own, not the producer's
		// one network thread, where the updates queued one after another (the outbox's
		// backlog grew under the order load).
		return sent.whenCompleteAsync((result, failure) -> {
		}, COMPLETIONS);
	}

}
