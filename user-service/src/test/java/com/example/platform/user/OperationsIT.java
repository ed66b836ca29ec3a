package com.example.platform.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and API clients rely on besides the API itself: probes, docs, request
 * ids.
 */
@UserServiceIntegrationTest
class OperationsIT {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	private RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void reportsLivenessAndReadinessOnTheApplicationPortWithoutAToken() {
		this.client.get().uri("/livez").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/readyz")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void servesOperationsEndpointsOnTheManagementPortOnly() {
		RestTestClient management = RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build();
		management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("hikaricp_connections_active{")
				.contains("application=\"user-service\""));
		// The readiness group includes the database.
		management.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		// Not on the application port: without a token the answer is 401, as for any
		// unknown path.
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.client.get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void publishesTheApiDescriptionWithoutAToken() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/auth/register']")
			.exists()
			.jsonPath("$.paths['/api/users/{id}']")
			.exists();
	}

	@Test
	void echoesTheCallersRequestIdAndMakesOneUpOtherwise() {
		this.client.get()
			.uri("/livez")
			.header("X-Request-Id", "abc-123")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "abc-123");
		this.client.get().uri("/livez").exchange().expectHeader().valueMatches("X-Request-Id", "[0-9a-f-]{36}");
		// Ids that could forge log lines are replaced.
		this.client.get()
			.uri("/livez")
			.header("X-Request-Id", "evil\" injected=1")
			.exchange()
			.expectHeader()
			.valueMatches("X-Request-Id", "[0-9a-f-]{36}");
	}

	@Test
	void answersUnknownPathsAndMethodsWithProblems() {
		this.client.get()
			.uri("/nothing/here")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType("application/problem+json");
		this.client.delete()
			.uri("/api/auth/login")
			.exchange()
			.expectStatus()
			.is4xxClientError()
			.expectHeader()
			.contentType("application/problem+json");
	}

}
