package com.example.platform.order.messaging;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import com.example.platform.order.ordering.CustomerReplica;
import com.example.platform.support.events.EventReader;
import com.example.platform.support.events.IncomingEvent;
import com.example.platform.support.events.InvalidEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records every customer user-service announces in this service's customer replica, so
 * their orders need no call to the user service. Recording is an upsert by user id:
 * applying an event twice is applying it once, so no processed-event mark is kept.
 */
@Component
class UserEventsListener {

	/** user-service's topic, without the deployment's prefix. */
	static final String TOPIC = "users.v1";

	static final String USER_REGISTERED = "UserRegistered";

	private final EventReader reader;

	private final CustomerReplica customers;

	UserEventsListener(EventReader reader, CustomerReplica customers) {
		this.reader = reader;
		this.customers = customers;
	}

	@KafkaListener(topics = "#{@eventTopics.name('" + TOPIC + "')}")
	void on(ConsumerRecord<String, byte[]> record) {
		IncomingEvent event = this.reader.read(record.value(), USER_REGISTERED, 1);
		UserRegistered registered = this.reader.payload(event, UserRegistered.class);
		if (registered.userId() == null || registered.registeredAt() == null) {
			throw new InvalidEventException("UserRegistered needs userId and registeredAt");
		}
		if (!registered.userId().toString().equalsIgnoreCase(event.aggregateId())) {
			throw new InvalidEventException(
					"UserRegistered for user " + registered.userId() + " names aggregate " + event.aggregateId());
		}
		this.customers.registered(registered.userId(), registered.registeredAt());
	}

	/**
	 * The payload of user-service's {@code UserRegistered}, as far as this service reads
	 * it.
	 *
	 * @param userId the user
	 * @param registeredAt when the account was registered
	 */
	record UserRegistered(@Nullable UUID userId, @Nullable Instant registeredAt) {
	}

}
