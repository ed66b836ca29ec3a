package com.example.platform.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventReaderTests {

	private static final String EVENT_ID = "0b7c9d2e-5a4f-4c1e-9f00-6d1f2a3b4c5d";

	// A strict mapper, as the services configure one for request bodies.
	private final EventReader reader = new EventReader(
			JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

	@Test
	void readsTheEnvelopeAndIgnoresFieldsItDoesNotKnow() {
		IncomingEvent event = this.reader.read(event("Thing", "1", "{\"note\":\"hi\",\"added\":1}", ",\"extra\":true"),
				"Thing", 1);
		assertThat(event.eventId()).isEqualTo(UUID.fromString(EVENT_ID));
		assertThat(event.type()).isEqualTo("Thing");
		assertThat(event.version()).isEqualTo(1);
		assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
		assertThat(event.aggregateId()).isEqualTo("agg-1");
		assertThat(this.reader.payload(event, Note.class)).isEqualTo(new Note("hi"));
	}

	@Test
	void acceptsOlderVersionsThanItKnows() {
		assertThat(this.reader.read(event("Thing", "1", "{}", ""), "Thing", 2).version()).isEqualTo(1);
	}

	@Test
	void refusesANewerVersion() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.reader.read(event("Thing", "2", "{}", ""), "Thing", 1))
			.withMessage("Version 2 of Thing is newer than 1");
	}

	@Test
	void refusesAnotherType() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.reader.read(event("Other", "1", "{}", ""), "Thing", 1))
			.withMessage("Unexpected type 'Other', expected Thing");
	}

	@Test
	void readsEachOfTheTypesAConsumerHandlesUpToItsOwnVersion() {
		Map<String, Integer> known = Map.of("Thing", 1, "Other", 2);
		assertThat(this.reader.read(event("Other", "2", "{}", ""), known).type()).isEqualTo("Other");
		assertThat(this.reader.read(event("Thing", "1", "{}", ""), known).type()).isEqualTo("Thing");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.reader.read(event("Thing", "2", "{}", ""), known))
			.withMessage("Version 2 of Thing is newer than 1");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.reader.read(event("Unknown", "1", "{}", ""), known))
			.withMessage("Unexpected type 'Unknown', expected Other or Thing");
	}

	@Test
	void refusesWhatIsNotAnEvent() {
		assertInvalid("not json", "Not JSON");
		assertInvalid("[1,2]", "Not a JSON object");
		assertInvalid("{\"type\":\"Thing\"}", "'version' must be a positive integer");
		assertInvalid("{\"type\":\"Thing\",\"version\":\"1\"}", "'version' must be a positive integer");
		assertInvalid("{\"type\":\"Thing\",\"version\":1}", "'payload' must be an object");
		assertInvalid("{\"type\":\"Thing\",\"version\":1,\"payload\":{}}", "'eventId' is missing");
		assertInvalid(new String(event("Thing", "1", "{}", "").clone(), StandardCharsets.UTF_8).replace(EVENT_ID,
				"not-a-uuid"), "Malformed envelope");
		assertInvalid(new String(event("Thing", "1", "{}", ""), StandardCharsets.UTF_8).replace("2026-12-07T10:00:00Z",
				"yesterday"), "Malformed envelope");
	}

	@Test
	void refusesAPayloadThatDoesNotFit() {
		IncomingEvent event = this.reader.read(event("Thing", "1", "{\"note\":{\"nested\":1}}", ""), "Thing", 1);
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.reader.payload(event, Note.class))
			.withMessageStartingWith("Payload of Thing " + EVENT_ID + " does not fit");
	}

	private void assertInvalid(String value, String reason) {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.reader.read(value.getBytes(StandardCharsets.UTF_8), "Thing", 1))
			.withMessageContaining(reason);
	}

	private static byte[] event(String type, String version, String payload, String more) {
		return ("{\"eventId\":\"" + EVENT_ID + "\",\"type\":\"" + type + "\",\"version\":" + version
				+ ",\"occurredAt\":\"2026-12-07T10:00:00Z\",\"aggregateId\":\"agg-1\",\"payload\":" + payload + more
				+ "}")
			.getBytes(StandardCharsets.UTF_8);
	}

	record Note(String note) {
	}

}
