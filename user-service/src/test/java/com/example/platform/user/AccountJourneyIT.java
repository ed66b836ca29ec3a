package com.example.platform.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Register, log in and read profiles over real HTTP, against real PostgreSQL.
 */
@UserServiceIntegrationTest
class AccountJourneyIT {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	private RestTestClient client;

	@BeforeEach
	void setUp() {
		this.client = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void registersLogsInAndReadsOwnProfile() {
		String email = unique("Alice");
		RestTestClient.ResponseSpec registered = register("  " + email + " ", PASSWORD);
		String location = registered.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email)
			.jsonPath("$.name")
			.isEqualTo("Someone")
			.jsonPath("$.createdAt")
			.exists()
			.jsonPath("$.password")
			.doesNotExist()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		String id = location.replace("/api/users/", "");

		String token = login(email.toUpperCase(java.util.Locale.ROOT), PASSWORD);

		this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.email")
			.isEqualTo(email);
		this.client.get().uri(location).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
	}

	@Test
	void refusesASecondAccountForTheSameAddressInAnyCase() {
		String email = unique("bob");
		register(email, PASSWORD).expectStatus().isCreated();
		register("  " + email.toUpperCase(java.util.Locale.ROOT) + "  ", "another password").expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("An account with this email address already exists.");
	}

	@Test
	void letsExactlyOneOfManyConcurrentRegistrationsWin() throws Exception {
		String email = unique("race");
		int attempts = 12;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Integer>> registrations = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			registrations.add(() -> {
				start.await();
				return register(email, PASSWORD).returnResult(String.class).getStatus().value();
			});
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(attempts)) {
			List<Future<Integer>> futures = registrations.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<Integer> future : futures) {
				statuses.add(future.get());
			}
		}
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn(status -> status == 409).hasSize(attempts - 1);
	}

	@Test
	void hidesOtherUsersProfilesBehindNotFound() {
		String alice = unique("alice");
		String bob = unique("bob");
		register(alice, PASSWORD).expectStatus().isCreated();
		String bobLocation = register(bob, PASSWORD).returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		String aliceToken = login(alice, PASSWORD);

		for (String uri : List.of(bobLocation, "/api/users/" + UUID.randomUUID())) {
			this.client.get()
				.uri(uri)
				.header("Authorization", "Bearer " + aliceToken)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("No user with this id.");
		}
	}

	@Test
	void throttlesRepeatedFailuresForOneAddressEvenWithTheRightPassword() {
		String email = unique("carol");
		register(email, PASSWORD).expectStatus().isCreated();
		for (int i = 0; i < 5; i++) {
			loginAttempt(email, "wrong password " + i).expectStatus().isUnauthorized();
		}
		loginAttempt(email, PASSWORD).expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueMatches("Retry-After", "\\d+")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://platform.example/problems/too-many-requests");
		// Another address is not affected.
		String other = unique("dave");
		register(other, PASSWORD).expectStatus().isCreated();
		assertThat(login(other, PASSWORD)).isNotBlank();
	}

	@Test
	void failsUnknownAddressesExactlyLikeWrongPasswords() {
		String email = unique("erin");
		register(email, PASSWORD).expectStatus().isCreated();
		byte[] wrongPassword = loginAttempt(email, "not the password").expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBody();
		byte[] unknownEmail = loginAttempt(unique("nobody"), "not the password").expectStatus()
			.isUnauthorized()
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(new String(unknownEmail, StandardCharsets.UTF_8))
			.isEqualTo(new String(wrongPassword, StandardCharsets.UTF_8));
	}

	@Test
	void refusesBodiesOverTheLimitDeclaredOrStreamed() throws Exception {
		String huge = "{\"email\":\"x@example.com\",\"password\":\"" + "p".repeat(2 * 1024 * 1024)
				+ "\",\"name\":\"X\"}";
		register(huge).expectStatus()
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://platform.example/problems/payload-too-large");

		// Without Content-Length (chunked), the limit applies while reading.
		HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/auth/register"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(chunked, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(response.body()).contains("payload-too-large").doesNotContain("Exception");
		}
	}

	@Test
	void answersMalformedJsonWithAProblem() {
		register("{\"email\": ").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The request body is not valid JSON.");
	}

	private RestTestClient.ResponseSpec register(String email, String password) {
		return this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", password, "name", "Someone"))
			.exchange();
	}

	private RestTestClient.ResponseSpec register(String json) {
		return this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	private RestTestClient.ResponseSpec loginAttempt(String email, String password) {
		return this.client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "password", password))
			.exchange();
	}

	private String login(String email, String password) {
		Map<String, Object> body = loginAttempt(email, password).expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(body).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 900);
		return body.get("accessToken").toString();
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

}
