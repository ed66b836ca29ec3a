package com.example.platform.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.example.platform.gateway.GatewayIT.expectProblem;

/**
 * The gateway in front of a service that is not listening: {@code 503} problems, both for
 * a routed request and for a token that cannot be checked because the keys are
 * unreachable.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class GatewayUnavailableServiceIT {

	private static final int CLOSED_PORT = freePort();

	@Value("${local.server.port}")
	int port;

	WebTestClient client;

	@DynamicPropertySource
	static void downstream(DynamicPropertyRegistry registry) {
		registry.add("USER_SERVICE_URL", () -> "http://127.0.0.1:" + CLOSED_PORT);
		registry.add("PLATFORM_AUTH_ISSUER", () -> DownstreamStub.ISSUER);
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@Test
	void answersServiceUnavailableWhenTheServiceDoesNotListen() {
		expectProblem(this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"a@example.com\",\"password\":\"whatever\"}")
			.exchange(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable").jsonPath("$.detail")
			.isEqualTo("The service behind /api/auth/login is unavailable. Retry later.");
	}

	@Test
	void answersServiceUnavailableWhenTheSigningKeysCannotBeFetched() {
		expectProblem(this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + DownstreamStub.forgedToken())
			.exchange(), HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
