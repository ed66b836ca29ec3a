package com.example.platform.support.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.support.security.ResourceServerDefaults;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet baseline in a real Tomcat with Spring Security in front, as a service runs
 * it: what a client sees for methods no operation has, and for the error paths that never
 * reach a controller.
 */
@SpringBootTest(classes = ServletEdgeIT.TestService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1",
				// JDBC is on this module's test classpath for the idempotency tests; this
				// service has no database
				// A web service with no database and no events (Kafka and the outbox are
				// on this
				// module's class path for the services that use them).
				"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration,"
						+ "org.springframework.modulith.events.config.EventPublicationAutoConfiguration,"
						+ "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration,"
						+ "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration,"
						+ "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
						+ "com.example.platform.support.events.EventsAutoConfiguration" })
class ServletEdgeIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Test
	void answersAMethodTheResourceHasNoOperationForWith405AllowAndThePath() throws Exception {
		HttpResponse<String> response = send("DELETE", "/things");
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow"))
			.hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
		assertThat(problem(response)).containsEntry("type", "https://platform.example/problems/method-not-allowed")
			.containsEntry("instance", "/things")
			.containsEntry("detail", "The method DELETE is not supported here. Allowed: "
					+ response.headers().firstValue("Allow").orElseThrow() + ".");
	}

	@Test
	void answersMethodsThePlatformNeverServesWith405AllowAndThePath() throws Exception {
		for (String method : new String[] { "TRACE", "PROPFIND", "BREW" }) {
			HttpResponse<String> response = send(method, "/things");
			assertThat(response.statusCode()).as(method).isEqualTo(405);
			assertThat(response.headers().firstValue("Allow")).as(method)
				.hasValue("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
			assertThat(problem(response)).as(method)
				.containsEntry("type", "https://platform.example/problems/method-not-allowed")
				.containsEntry("instance", "/things");
		}
	}

	@Test
	void namesTheRequestedPathInErrorsThatNeverReachedAController() throws Exception {
		// Spring Security's firewall refuses path parameters; the error page answers.
		HttpResponse<String> response = send("GET", "/things;x=1");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(problem(response)).containsEntry("instance", "/things;x=1")
			.containsEntry("type", "https://platform.example/problems/bad-request");
	}

	@Test
	void answersARepeatedQueryParameterWithoutJavaInternals() throws Exception {
		HttpResponse<String> response = send("GET", "/things?page=a&page=b");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("java", "[L", "@", "String");
		assertThat(problem(response)).containsEntry("detail", "Parameter 'page' must be a single integer.");
	}

	private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		return json.readValue(response.body(), Map.class);
	}

	@SpringBootApplication
	static class TestService {

		@Bean
		SecurityFilterChain filterChain(HttpSecurity http, ResourceServerDefaults resourceServer) throws Exception {
			resourceServer.customize(http);
			http.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll());
			return http.build();
		}

		@Bean
		JwtDecoder jwtDecoder() {
			return token -> {
				throw new BadJwtException("no tokens in this test");
			};
		}

		@Bean
		ThingController thingController() {
			return new ThingController();
		}

	}

	@RestController
	static class ThingController {

		@GetMapping("/things")
		Map<String, Object> things(@RequestParam(defaultValue = "0") int page) {
			return Map.of("page", page);
		}

		@GetMapping("/things/by-order")
		Map<String, Object> byOrder(@RequestParam UUID orderId) {
			return Map.of("orderId", orderId);
		}

	}

}
