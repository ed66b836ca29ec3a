package com.example.platform.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;

/**
 * A thin HTTP client for the service under test (thread-safe, so tests can send many
 * requests at once), answering raw status, headers and body.
 */
public final class ApiClient {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	public ApiClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public Answer post(String path, String token, String idempotencyKey, String json) {
		HttpRequest.Builder request = builder(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request.build());
	}

	public Answer get(String path, String token) {
		return send(builder(path, token).GET().build());
	}

	private HttpRequest.Builder builder(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After"), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer of the service.
	 *
	 * @param status the HTTP status
	 * @param contentType the Content-Type header
	 * @param retryAfter the Retry-After header, if any
	 * @param body the body
	 */
	public record Answer(int status, String contentType, Optional<String> retryAfter, String body) {

		public <T> T json(String path) {
			return JsonPath.read(this.body, path);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
