package com.example.platform.e2e;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every error answer of the platform must look like: the status, an RFC 9457
 * {@code application/problem+json} body with a stable type, and no internals.
 */
final class ProblemAssertions {

	static final String TYPES = "https://platform.example/problems/";

	private ProblemAssertions() {
	}

	static JsonNode assertProblem(Gateway.Response response, int status, String type) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(status);
		assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
		assertThat(response.headers()).as("headers of %s", response).containsKey("x-request-id");
		JsonNode body = response.json();
		assertThat(body.get("type").asString()).isEqualTo(TYPES + type);
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "<html", "trace");
		return body;
	}

}
