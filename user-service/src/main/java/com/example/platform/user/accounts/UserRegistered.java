package com.example.platform.user.accounts;

import java.time.Instant;
import java.util.UUID;

import com.example.platform.support.events.OutgoingEvent;

/**
 * An account was registered. Published on {@code users.v1}, keyed by the user id, in the
 * transaction that stores the account. It says only that the user exists and since when:
 * no email, name or other personal data, which no consumer needs (a consumer that does
 * can ask {@code GET /api/users/{id}}, where access is checked).
 *
 * @param eventId the event's id
 * @param type always {@value #TYPE}
 * @param version the schema version, {@value #VERSION}
 * @param occurredAt when the account was registered
 * @param aggregateId the user id
 * @param payload the registered user
 */
public record UserRegistered(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
		Payload payload) implements OutgoingEvent {

	/** The topic, without the deployment's prefix. */
	public static final String TOPIC = "users.v1";

	static final String TYPE = "UserRegistered";

	static final int VERSION = 1;

	/**
	 * @param account the account just registered
	 * @return the event saying so
	 */
	static UserRegistered of(UserAccount account) {
		return new UserRegistered(UUID.randomUUID(), TYPE, VERSION, account.getCreatedAt(), account.getId().toString(),
				new Payload(account.getId(), account.getCreatedAt()));
	}

	@Override
	public String topic() {
		return TOPIC;
	}

	@Override
	public String key() {
		return this.aggregateId;
	}

	/**
	 * @param userId the user
	 * @param registeredAt when the account was registered
	 */
	public record Payload(UUID userId, Instant registeredAt) {
	}

}
