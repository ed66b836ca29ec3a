package com.example.platform.user;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Register, log in and read the profile over real HTTP, against real PostgreSQL.
 */
@UserServiceIntegrationTest
class AccountJourneyIT {

	@LocalServerPort
	int port;

	@Test
	void registersLogsInAndReadsOwnProfile() {
		RestTestClient client = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
		String id = client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "  Alice@Example.com ", "password", "correct horse battery", "name", "Alice"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo("Alice@Example.com")
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString()
			.replace("/api/users/", "");
		String token = client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "alice@example.com", "password", "correct horse battery"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("accessToken")
			.toString();
		client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id);
		assertThat(token).isNotBlank();
	}

}
