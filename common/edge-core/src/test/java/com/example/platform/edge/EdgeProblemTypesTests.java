package com.example.platform.edge;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeProblemTypesTests {

	@Test
	void everyTypeSharesThePrefixAndIsUnique() throws IllegalAccessException {
		List<URI> types = new ArrayList<>();
		for (Field field : EdgeProblemTypes.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == URI.class) {
				types.add((URI) field.get(null));
			}
		}
		assertThat(types).hasSize(16)
			.doesNotHaveDuplicates()
			.allSatisfy(type -> assertThat(type.toString()).matches("https://platform\\.example/problems/[a-z-]+"));
	}

	@Test
	void keepsTheTypesClientsAlreadyBranchOn() {
		assertThat(EdgeProblemTypes.VALIDATION).hasToString("https://platform.example/problems/validation-failed");
		assertThat(EdgeProblemTypes.IDEMPOTENCY_KEY_REUSED)
			.hasToString("https://platform.example/problems/idempotency-key-reused");
		assertThat(EdgeProblemTypes.REQUEST_IN_FLIGHT)
			.hasToString("https://platform.example/problems/request-in-flight");
		assertThat(EdgeProblemTypes.GATEWAY_TIMEOUT).hasToString("https://platform.example/problems/gateway-timeout");
	}

	@Test
	void mapsStatusesToTheirGeneralType() {
		Map<Integer, URI> expected = Map.ofEntries(Map.entry(400, EdgeProblemTypes.BAD_REQUEST),
				Map.entry(401, EdgeProblemTypes.UNAUTHENTICATED), Map.entry(403, EdgeProblemTypes.FORBIDDEN),
				Map.entry(404, EdgeProblemTypes.NOT_FOUND), Map.entry(405, EdgeProblemTypes.METHOD_NOT_ALLOWED),
				Map.entry(409, EdgeProblemTypes.CONFLICT), Map.entry(413, EdgeProblemTypes.PAYLOAD_TOO_LARGE),
				Map.entry(415, EdgeProblemTypes.BAD_REQUEST), Map.entry(429, EdgeProblemTypes.TOO_MANY_REQUESTS),
				Map.entry(500, EdgeProblemTypes.INTERNAL), Map.entry(502, EdgeProblemTypes.BAD_GATEWAY),
				Map.entry(503, EdgeProblemTypes.SERVICE_UNAVAILABLE), Map.entry(504, EdgeProblemTypes.GATEWAY_TIMEOUT),
				Map.entry(599, EdgeProblemTypes.INTERNAL));
		expected
			.forEach((status, type) -> assertThat(EdgeProblemTypes.forStatus(status)).as("%d", status).isEqualTo(type));
	}

}
