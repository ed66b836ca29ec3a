package com.example.platform.e2e;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey every user takes, through the gateway: register, log in, read the own
 * profile.
 */
@ExtendWith(PlatformExtension.class)
class UserJourneyIT {

	@Test
	void registersLogsInAndReadsTheOwnProfileThroughTheGateway(Gateway gateway) {
		String email = "journey-" + java.util.UUID.randomUUID() + "@example.com";
		Gateway.Response registered = gateway.post("/api/auth/register",
				Map.of("email", email, "password", Gateway.PASSWORD, "name", "Journey"));
		assertThat(registered.status()).as("%s", registered).isEqualTo(201);
		String id = registered.json().get("id").asString();
		assertThat(registered.headers().get("location")).isEqualTo("/api/users/" + id);

		Gateway.Response login = gateway.post("/api/auth/login", Map.of("email", email, "password", Gateway.PASSWORD));
		assertThat(login.status()).as("%s", login).isEqualTo(200);
		JsonNode token = login.json();
		assertThat(token.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(token.get("expiresIn").asInt()).isEqualTo(900);

		Gateway.Response me = gateway.get("/api/users/me", token.get("accessToken").asString());
		assertThat(me.status()).as("%s", me).isEqualTo(200);
		assertThat(me.json().get("id").asString()).isEqualTo(id);
		assertThat(me.json().get("email").asString()).isEqualTo(email);
		assertThat(me.json().get("name").asString()).isEqualTo("Journey");
		assertThat(me.json().has("password")).isFalse();
	}

	@Test
	void returnsTheRequestIdTheClientSent(Gateway gateway) {
		String token = gateway.login(gateway.registerNewUser());
		Gateway.Response me = gateway.get("/api/users/me", token, Map.of("X-Request-Id", "e2e-request-1"));
		assertThat(me.status()).as("%s", me).isEqualTo(200);
		assertThat(me.headers()).containsEntry("x-request-id", "e2e-request-1");
	}

	@Test
	void servesUserServiceApiDocsWithoutToken(Gateway gateway) {
		Gateway.Response docs = gateway.get("/user-service/v3/api-docs", null);
		assertThat(docs.status()).as("%s", docs).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/auth/register")).isTrue();
	}

}
