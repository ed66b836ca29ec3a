package com.example.platform.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as a real server in front of a stub service on loopback: routing, token
 * checks, header handling, and a problem+json answer for every error of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s", "server.address=127.0.0.1" })
class GatewayIT {

	private static final DownstreamStub service = startStub();

	@Value("${local.server.port}")
	int port;

	@Value("${local.management.port}")
	int managementPort;

	WebTestClient client;

	@DynamicPropertySource
	static void downstream(DynamicPropertyRegistry registry) {
		registry.add("USER_SERVICE_URL", service::baseUrl);
		registry.add("PLATFORM_AUTH_ISSUER", () -> DownstreamStub.ISSUER);
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@AfterAll
	static void stopStub() {
		service.close();
	}

	@Test
	void routesRegistrationWithoutToken() {
		this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"a@example.com\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/auth/register");
	}

	@Test
	void routesLoginWithoutToken() {
		this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/auth/login");
	}

	@Test
	void relaysTheAuthorizationHeaderOfAValidToken() {
		String token = service.validToken();
		this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/api/users/me");
		assertThat(service.lastHeaders()).containsEntry("authorization", "Bearer " + token);
	}

	@Test
	void stripsHeadersThatCouldPassForAnIdentity() {
		this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + service.validToken())
			.header("X-User-Id", "00000000-0000-0000-0000-000000000001")
			.header("x-user-roles", "admin")
			.header("X-Authenticated-User", "admin")
			.header("X-Forwarded-User", "admin")
			.header("Remote-User", "admin")
			.header("X-Internal-Caller", "order-service")
			.header("X-Harmless", "kept")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(service.lastHeaders())
			.doesNotContainKeys("x-user-id", "x-user-roles", "x-authenticated-user", "x-forwarded-user", "remote-user",
					"x-internal-caller")
			.containsEntry("x-harmless", "kept");
	}

	@Test
	void generatesARequestIdAndReturnsTheOneTheServiceSaw() {
		String returned = this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + service.validToken())
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(returned).isNotBlank().isNotEqualTo("set-by-the-service");
		assertThat(service.lastHeaders()).containsEntry("x-request-id", returned);
	}

	@Test
	void keepsAPlainClientRequestIdAndReplacesAnUnsafeOne() {
		this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + service.validToken())
			.header("X-Request-Id", "client-42")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "client-42");
		assertThat(service.lastHeaders()).containsEntry("x-request-id", "client-42");
		this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + service.validToken())
			.header("X-Request-Id", "evil\tid with spaces and a very long tail ".repeat(3))
			.exchange()
			.expectHeader()
			.value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	@Test
	void continuesTheClientsTraceWithTheGatewaysSpanAsParentAndReturnsTheTraceId() {
		String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + service.validToken())
			.header("traceparent", incoming)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Trace-Id", "4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(service.lastHeaders().get("traceparent"))
			.matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
			.isNotEqualTo(incoming);
	}

	@Test
	void startsATraceWhenTheClientSentNoneAndReturnsItsId() {
		String traceId = this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + service.validToken())
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Trace-Id");
		assertThat(traceId).matches("[0-9a-f]{32}");
		assertThat(service.lastHeaders().get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
	}

	@Test
	void startsANewTraceForAMalformedTraceparent() {
		this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + service.validToken())
			.header("traceparent", "00-0af7651916cd43dd8448eb211c80319g-b7ad6b7169203331-01")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(service.lastHeaders().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
			.doesNotContain("0af7651916cd43dd8448eb211c8031");
	}

	@Test
	void returnsTheTraceIdOnItsOwnErrorsToo() {
		String traceId = this.client.get()
			.uri("/api/orders")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Trace-Id");
		assertThat(traceId).matches("[0-9a-f]{32}");
	}

	@Test
	void refusesAMissingTokenWithAProblem() {
		expectProblem(this.client.get().uri("/api/users/me").exchange(), HttpStatus.UNAUTHORIZED, "unauthenticated")
			.jsonPath("$.detail")
			.isEqualTo("Authentication required: send a valid bearer token in the Authorization header.");
	}

	@Test
	void refusesAForgedToken() {
		WebTestClient.ResponseSpec response = this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + DownstreamStub.forgedToken())
			.exchange();
		response.expectHeader().value("WWW-Authenticate", value -> assertThat(value).contains("invalid_token"));
		expectProblem(response, HttpStatus.UNAUTHORIZED, "unauthenticated").jsonPath("$.detail")
			.value(String.class, detail -> assertThat(detail).contains("invalid"));
	}

	@Test
	void refusesAnExpiredToken() {
		String expired = service.token(Instant.now().minusSeconds(3600), Instant.now().minusSeconds(1800),
				DownstreamStub.ISSUER);
		expectProblem(this.client.get().uri("/api/users/me").header("Authorization", "Bearer " + expired).exchange(),
				HttpStatus.UNAUTHORIZED, "unauthenticated")
			.jsonPath("$.detail")
			.isEqualTo("The bearer token has expired: log in again for a new one.");
	}

	@Test
	void refusesATokenOfAnotherIssuer() {
		String foreign = service.token(Instant.now(), Instant.now().plusSeconds(600), "http://someone-else");
		expectProblem(this.client.get().uri("/api/users/me").header("Authorization", "Bearer " + foreign).exchange(),
				HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Test
	void refusesGarbageInTheAuthorizationHeader() {
		expectProblem(this.client.get().uri("/api/users/me").header("Authorization", "Bearer not.a.jwt").exchange(),
				HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Test
	void answersAnUnknownRouteWithNotFound() {
		expectProblem(this.client.get()
			.uri("/api/nothing-here")
			.header("Authorization", "Bearer " + service.validToken())
			.exchange(), HttpStatus.NOT_FOUND, "not-found").jsonPath("$.detail")
			.isEqualTo("No route for GET /api/nothing-here.");
	}

	@Test
	void asksForATokenBeforeRevealingWhetherARouteExists() {
		expectProblem(this.client.get().uri("/api/nothing-here").exchange(), HttpStatus.UNAUTHORIZED,
				"unauthenticated");
	}

	@Test
	void refusesABodyOverTheLimitFromItsContentLength() {
		byte[] body = new byte[1024 * 1024 + 1];
		Arrays.fill(body, (byte) 'a');
		expectProblem(this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange(), HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
	}

	@Test
	void refusesAChunkedBodyOverTheLimitWhileItStreams() {
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
		Flux<DataBuffer> body = Flux.range(0, 20).map(i -> buffers.wrap(chunk));
		expectProblem(this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body, DataBuffer.class)
			.exchange(), HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
	}

	@Test
	void forwardsABodyJustUnderTheLimit() {
		byte[] body = new byte[1024 * 1024];
		Arrays.fill(body, (byte) 'a');
		this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.bodyLength")
			.isEqualTo(1024 * 1024);
	}

	@Test
	void refusesMethodsThePlatformNeverServesWithAllow() {
		String probe = UUID.randomUUID().toString();
		for (String method : new String[] { "TRACE", "PROPFIND", "BREW" }) {
			WebTestClient.ResponseSpec response = this.client.method(HttpMethod.valueOf(method))
				.uri("/api/users/me")
				.header("Authorization", "Bearer " + service.validToken())
				.header("X-Probe", probe)
				.exchange();
			response.expectHeader().valueEquals("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
			expectProblem(response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed").jsonPath("$.detail")
				.isEqualTo("The method " + method
						+ " is not supported here. Allowed: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.")
				.jsonPath("$.instance")
				.isEqualTo("/api/users/me");
		}
		// Never routed: the service did not see any of them.
		assertThat(String.valueOf(service.lastHeaders())).doesNotContain(probe);
	}

	@Test
	void refusesTraceBeforeAskingForAToken() {
		expectProblem(this.client.method(HttpMethod.TRACE).uri("/api/nothing-here").exchange(),
				HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed");
	}

	@Test
	void relaysTheServicesOwnMethodNotAllowed() {
		WebTestClient.ResponseSpec response = this.client.delete()
			.uri("/api/users/read-only")
			.header("Authorization", "Bearer " + service.validToken())
			.exchange();
		response.expectHeader().valueEquals("Allow", "GET");
		expectServiceProblem(response, HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void answersAPathTheFirewallRefusesWithAProblem() {
		expectProblem(this.client.get()
			.uri("/api/users/a%2F..%2Fme")
			.header("Authorization", "Bearer " + service.validToken())
			.exchange(), HttpStatus.BAD_REQUEST, "bad-request");
	}

	@Test
	void answersASlowServiceWithGatewayTimeout() {
		expectProblem(this.client.get()
			.uri("/api/users/slow")
			.header("Authorization", "Bearer " + service.validToken())
			.exchange(), HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout");
	}

	@Test
	void relaysTheServicesOwnProblemUnchanged() {
		expectServiceProblem(this.client.get()
			.uri("/api/users/conflict")
			.header("Authorization", "Bearer " + service.validToken())
			.exchange(), HttpStatus.CONFLICT);
	}

	private static void expectServiceProblem(WebTestClient.ResponseSpec response, HttpStatus status) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("from the service");
	}

	@Test
	void servesApiDocsOfAServiceWithoutToken() {
		this.client.get()
			.uri("/user-service/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/v3/api-docs");
	}

	@Test
	void reportsReadinessAndLivenessWithoutToken() {
		for (String probe : new String[] { "/readyz", "/livez" }) {
			this.client.get()
				.uri(probe)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP");
		}
	}

	@Test
	void servesOperationsEndpointsOnTheManagementPortOnly() {
		WebTestClient management = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
		management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("jvm_memory_used_bytes").contains("application=\"api-gateway\""));
		// On the gateway's own port: not for a user, with or without a token.
		expectProblem(this.client.get().uri("/actuator/prometheus").exchange(), HttpStatus.UNAUTHORIZED,
				"unauthenticated");
		this.client.get()
			.uri("/actuator/metrics")
			.header("Authorization", "Bearer " + service.validToken())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, HttpStatus status,
			String type) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://platform.example/problems/" + type)
			.jsonPath("$.status")
			.isEqualTo(status.value())
			.jsonPath("$.title")
			.isEqualTo(status.getReasonPhrase())
			.jsonPath("$.detail")
			.isNotEmpty()
			.jsonPath("$.requestId")
			.isNotEmpty();
	}

	private static DownstreamStub startStub() {
		try {
			return new DownstreamStub();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
