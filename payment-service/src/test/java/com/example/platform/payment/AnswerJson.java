package com.example.platform.payment;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.support.web.StrictJsonCustomizer;

/**
 * A JSON mapper as strict as the service's (application.yaml's {@code spring.jackson.*}
 * and the platform's {@link StrictJsonCustomizer}), for tests of the answers the
 * idempotency mechanism stores as JSON and reads back.
 */
public final class AnswerJson {

	private AnswerJson() {
	}

	/**
	 * @return a mapper configured like the service's
	 */
	public static JsonMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
		new StrictJsonCustomizer().customize(builder);
		return builder.build();
	}

}
