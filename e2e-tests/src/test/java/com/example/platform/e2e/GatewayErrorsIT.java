package com.example.platform.e2e;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.example.platform.e2e.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The negative paths a client meets through the gateway, each with its status and
 * problem+json body. Runs against the local platform or a deployment.
 */
@ExtendWith(PlatformExtension.class)
class GatewayErrorsIT {

	@Test
	void refusesARequestWithoutToken(Gateway gateway) {
		Gateway.Response response = gateway.get("/api/users/me", null);
		assertProblem(response, 401, "unauthenticated");
		assertThat(response.headers().get("www-authenticate")).startsWith("Bearer");
	}

	@Test
	void refusesAForgedToken(Gateway gateway) {
		String forged = Tokens.signedWithUnknownKey("http://127.0.0.1:8081", Instant.now(),
				Instant.now().plusSeconds(600));
		JsonNode problem = assertProblem(gateway.get("/api/users/me", forged), 401, "unauthenticated");
		assertThat(problem.get("detail").asString()).contains("invalid");
	}

	@Test
	void refusesAMalformedToken(Gateway gateway) {
		assertProblem(gateway.get("/api/users/me", "this-is-not-a-jwt"), 401, "unauthenticated");
	}

	@Test
	void refusesAWrongPassword(Gateway gateway) {
		String email = gateway.registerNewUser();
		JsonNode problem = assertProblem(
				gateway.post("/api/auth/login", Map.of("email", email, "password", "not the password at all")), 401,
				"unauthenticated");
		assertThat(problem.get("detail").asString()).doesNotContain(Gateway.PASSWORD);
	}

	@Test
	void refusesADuplicateRegistration(Gateway gateway) {
		String email = gateway.registerNewUser();
		assertProblem(
				gateway.post("/api/auth/register",
						Map.of("email", email.toUpperCase(), "password", Gateway.PASSWORD, "name", "Twice")),
				409, "conflict");
	}

	@Test
	void refusesAnInvalidRegistrationWithTheFieldsAtFault(Gateway gateway) {
		JsonNode problem = assertProblem(
				gateway.post("/api/auth/register", Map.of("email", "not-an-email", "password", "x", "name", "")), 400,
				"validation-failed");
		assertThat(problem.get("errors").isArray()).isTrue();
	}

	@Test
	void refusesMalformedJson(Gateway gateway) {
		assertProblem(gateway.postRaw("/api/auth/login", "{\"email\": "), 400, "malformed-request");
	}

	@Test
	void answersAnUnknownRouteWithNotFound(Gateway gateway) {
		String token = gateway.login(gateway.registerNewUser());
		JsonNode problem = assertProblem(gateway.get("/api/does-not-exist", token), 404, "not-found");
		assertThat(problem.get("detail").asString()).contains("/api/does-not-exist");
	}

	@Test
	void refusesABodyOverTheGatewaysLimit(Gateway gateway) {
		String huge = "{\"email\":\"" + "a".repeat(1024 * 1024) + "@example.com\"}";
		assertProblem(gateway.postRaw("/api/auth/register", huge), 413, "payload-too-large");
	}

}
