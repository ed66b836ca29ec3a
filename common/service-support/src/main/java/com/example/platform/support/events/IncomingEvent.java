package com.example.platform.support.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The envelope every event shares, as read by a consumer; the payload is left for the
 * consumer to map to its own record ({@link EventReader#payload}).
 *
 * @param eventId the event's id: what a consumer records as processed
 * @param type the event type
 * @param version the schema version
 * @param occurredAt when the change happened
 * @param aggregateId the id of the aggregate that changed (also the record key)
 * @param payload the type's own fields
 */
public record IncomingEvent(UUID eventId, String type, int version, Instant occurredAt, String aggregateId,
		JsonNode payload) {
}
