package com.example.platform.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The PSP sandbox's admin API (WireMock, loopback only): how often the provider was asked
 * to charge a payment, from its request journal.
 */
final class PspSandbox {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	PspSandbox(URI base) {
		this.base = base;
	}

	/**
	 * @param paymentId the payment service's id, sent to the provider as the charge's
	 * {@code reference}
	 * @return how many {@code POST /v1/charges} the sandbox received for it
	 */
	int chargesFor(String paymentId) {
		Map<String, Object> pattern = Map.of("method", "POST", "url", "/v1/charges", "bodyPatterns",
				List.of(Map.of("matchesJsonPath", Map.of("expression", "$.reference", "equalTo", paymentId))));
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/__admin/requests/count"))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(pattern)))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"PSP sandbox journal: " + response.statusCode() + " " + response.body());
			}
			return json.readTree(response.body()).get("count").asInt();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer from the PSP sandbox at " + this.base, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
