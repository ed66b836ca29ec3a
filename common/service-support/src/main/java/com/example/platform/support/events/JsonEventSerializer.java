package com.example.platform.support.events;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.core.EventSerializer;

/**
 * Stores outbox entries as JSON with the service's own mapper, which it holds: Spring
 * Modulith's default serializer looks the mapper up in the bean factory for every event.
 */
class JsonEventSerializer implements EventSerializer {

	private final JsonMapper json;

	JsonEventSerializer(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Object serialize(Object event) {
		return this.json.writeValueAsString(event);
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		return this.json.readValue(serialized.toString(), type);
	}

}
