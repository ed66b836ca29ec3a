package com.example.platform.support.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads incoming events tolerantly: fields a consumer does not know are ignored (a
 * producer may add them without breaking anyone), while a missing field, an unknown type
 * or a newer version than the consumer knows makes the event invalid.
 */
public class EventReader {

	private final JsonMapper json;

	/**
	 * @param json the service's mapper; unknown properties are ignored here whatever it
	 * is configured to do with request bodies
	 */
	public EventReader(JsonMapper json) {
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/**
	 * @param value the record's value
	 * @param expectedType the type the topic's consumer handles
	 * @param knownVersion the newest version it understands
	 * @return the envelope
	 * @throws InvalidEventException if it is not such an event
	 */
	public IncomingEvent read(byte[] value, String expectedType, int knownVersion) {
		return read(value, Map.of(expectedType, knownVersion));
	}

	/**
	 * Reads an event of any of the types a topic's consumer handles, for a consumer that
	 * dispatches on {@link IncomingEvent#type()}.
	 * @param value the record's value
	 * @param knownVersions the types the topic's consumer handles, each with the newest
	 * version it understands
	 * @return the envelope
	 * @throws InvalidEventException if it is not such an event
	 */
	public IncomingEvent read(byte[] value, Map<String, Integer> knownVersions) {
		JsonNode root;
		try {
			root = this.json.readTree(value);
		}
		catch (JacksonException ex) {
			throw new InvalidEventException("Not JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidEventException("Not a JSON object");
		}
		String type = text(root, "type");
		Integer knownVersion = knownVersions.get(type);
		if (knownVersion == null) {
			throw new InvalidEventException("Unexpected type '" + type + "', expected "
					+ knownVersions.keySet().stream().sorted().collect(Collectors.joining(" or ")));
		}
		JsonNode version = root.get("version");
		if (version == null || !version.isInt() || version.intValue() < 1) {
			throw new InvalidEventException("'version' must be a positive integer");
		}
		if (version.intValue() > knownVersion) {
			throw new InvalidEventException(
					"Version " + version.intValue() + " of " + type + " is newer than " + knownVersion);
		}
		JsonNode payload = root.get("payload");
		if (payload == null || !payload.isObject()) {
			throw new InvalidEventException("'payload' must be an object");
		}
		try {
			return new IncomingEvent(UUID.fromString(text(root, "eventId")), type, version.intValue(),
					Instant.parse(text(root, "occurredAt")), text(root, "aggregateId"), payload);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new InvalidEventException("Malformed envelope: " + ex.getMessage());
		}
	}

	/**
	 * @param <T> the consumer's record for the payload
	 * @param event the event read
	 * @param type the record's class
	 * @return the payload as that record
	 * @throws InvalidEventException if the payload does not fit it
	 */
	public <T> T payload(IncomingEvent event, Class<T> type) {
		try {
			return this.json.treeToValue(event.payload(), type);
		}
		catch (JacksonException ex) {
			throw new InvalidEventException(
					"Payload of " + event.type() + " " + event.eventId() + " does not fit: " + ex.getOriginalMessage());
		}
	}

	private static String text(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || !node.isString() || node.stringValue().isBlank()) {
			throw new InvalidEventException("'" + field + "' is missing");
		}
		return node.stringValue();
	}

}
