package com.example.platform.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the gateway, speaking JSON, as a user's client would.
 */
final class Gateway {

	static final String PASSWORD = "correct horse battery staple";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Gateway(URI base) {
		this.base = base;
	}

	URI base() {
		return this.base;
	}

	Response get(String path, String token) {
		return get(path, token, Map.of());
	}

	Response get(String path, String token, Map<String, String> headers) {
		HttpRequest.Builder request = request(path);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return send(request.GET().build());
	}

	Response post(String path, Object body) {
		return postRaw(path, json.writeValueAsString(body));
	}

	/**
	 * POSTs JSON with a bearer token (may be {@code null}) and extra headers such as
	 * {@code Idempotency-Key}.
	 */
	Response post(String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return send(request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
	}

	/** Registers a new user and returns its access token. */
	String newUserToken() {
		return login(registerNewUser());
	}

	Response postRaw(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Registers a new user with a unique email; returns the email. */
	String registerNewUser() {
		String email = "e2e-" + UUID.randomUUID() + "@example.com";
		Response response = post("/api/auth/register", Map.of("email", email, "password", PASSWORD, "name", "E2E"));
		if (response.status() != 201) {
			throw new IllegalStateException("Registration failed: " + response);
		}
		return email;
	}

	/** Logs in and returns the access token. */
	String login(String email) {
		Response response = post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
		if (response.status() != 200) {
			throw new IllegalStateException("Login failed: " + response);
		}
		return response.json().get("accessToken").asString();
	}

	private HttpRequest.Builder request(String path) {
		// Longer than the gateway's own timeouts: the gateway must answer first.
		return HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			return new Response(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer from " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param headers first value of each header, names in lower case
	 * @param body the body as text
	 */
	record Response(int status, Map<String, String> headers, String body) {

		JsonNode json() {
			return Gateway.json.readTree(this.body);
		}

		String contentType() {
			return this.headers.getOrDefault("content-type", "");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
