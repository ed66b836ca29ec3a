package com.example.platform.payment.contract;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.contract.verifier.dsl.wiremock.DefaultResponseTransformer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published {@code stubs} jar, as the order service will use it: its WireMock
 * mappings answer the requests a consumer sends (any ids and keys, echoing what they
 * should), and nothing without a bearer token.
 */
class PublishedStubsIT {

	private static final WireMockServer stubs = new WireMockServer(
			options().bindAddress("127.0.0.1").dynamicPort().extensions(new DefaultResponseTransformer()));

	private static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void loadTheStubsJar() throws IOException {
		stubs.start();
		File[] jars = new File("target").listFiles((dir, name) -> name.endsWith("-stubs.jar"));
		assertThat(jars).as("the stubs jar built at package").hasSize(1);
		int loaded = 0;
		try (JarFile jar = new JarFile(jars[0])) {
			for (JarEntry entry : jar.stream().toList()) {
				if (entry.getName().contains("/mappings/order-service/") && entry.getName().endsWith(".json")) {
					String json = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
					stubs.addStubMapping(StubMapping.buildFrom(json));
					loaded++;
				}
			}
		}
		// One mapping per contract: none lost between the contracts and the published
		// jar.
		try (java.util.stream.Stream<java.nio.file.Path> contracts = java.nio.file.Files
			.list(java.nio.file.Path.of("src/test/resources/contracts/order-service"))) {
			assertThat(loaded).isEqualTo(contracts.filter(path -> path.toString().endsWith(".groovy")).count());
		}
	}

	@AfterAll
	static void stop() {
		stubs.stop();
	}

	@Test
	void createAnswersApprovedEchoingTheRequest() {
		UUID orderId = UUID.randomUUID();
		HttpResponse<String> response = post("/api/payments", "order-" + orderId + "-payment",
				"{\"orderId\":\"" + orderId + "\",\"userId\":\"" + UUID.randomUUID()
						+ "\",\"amount\":{\"amount\":1234,\"currency\":\"USD\"},\"paymentMethod\":\"tok_visa\"}");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("APPROVED");
		assertThat(JsonPath.<String>read(response.body(), "$.orderId")).isEqualTo(orderId.toString());
		assertThat(JsonPath.<Integer>read(response.body(), "$.amount.amount")).isEqualTo(1234);
		assertThat(JsonPath.<String>read(response.body(), "$.amount.currency")).isEqualTo("USD");
	}

	@Test
	void createWithADecliningCardAnswersDeclined() {
		HttpResponse<String> response = post("/api/payments", "k-" + UUID.randomUUID(), "{\"orderId\":\""
				+ UUID.randomUUID() + "\",\"userId\":\"" + UUID.randomUUID()
				+ "\",\"amount\":{\"amount\":50,\"currency\":\"EUR\"},\"paymentMethod\":\"tok_chargeDeclined\"}");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(JsonPath.<String>read(response.body(), "$.declineCode")).isEqualTo("card_declined");
	}

	@Test
	void reusedKeyAnswers422AndOverRefund409() {
		HttpResponse<String> reused = post("/api/payments", "order-7d5b0e7e-0000-4000-8000-000000000002-payment",
				"{\"orderId\":\"7d5b0e7e-0000-4000-8000-000000000002\",\"userId\":\"7d5b0e7e-0000-4000-8000-0000000000aa\","
						+ "\"amount\":{\"amount\":9999,\"currency\":\"EUR\"},\"paymentMethod\":\"tok_visa\"}");
		assertThat(reused.statusCode()).isEqualTo(422);
		HttpResponse<String> over = post("/api/payments/7d5b0e7e-0000-4000-8000-000000000005/refunds",
				"r-" + UUID.randomUUID(), "{\"amount\":{\"amount\":5000,\"currency\":\"EUR\"}}");
		assertThat(over.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<Integer>read(over.body(), "$.refundable.amount")).isEqualTo(1000);
	}

	@Test
	void refundAndReadByOrderEchoTheirIds() {
		UUID paymentId = UUID.randomUUID();
		HttpResponse<String> refund = post("/api/payments/" + paymentId + "/refunds", "r-" + UUID.randomUUID(),
				"{\"amount\":{\"amount\":700,\"currency\":\"EUR\"}}");
		assertThat(refund.statusCode()).isEqualTo(201);
		assertThat(JsonPath.<String>read(refund.body(), "$.paymentId")).isEqualTo(paymentId.toString());
		assertThat(JsonPath.<Integer>read(refund.body(), "$.amount.amount")).isEqualTo(700);
		UUID orderId = UUID.randomUUID();
		HttpResponse<String> byOrder = send(HttpRequest.newBuilder(uri("/api/payments?orderId=" + orderId))
			.header("Authorization", "Bearer any")
			.GET()
			.build());
		assertThat(byOrder.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(byOrder.body(), "$[0].orderId")).isEqualTo(orderId.toString());
	}

	@Test
	void nothingMatchesWithoutABearerToken() {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/payments"))
			.header("Idempotency-Key", "k")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"orderId\":\"" + UUID.randomUUID() + "\",\"userId\":\"" + UUID.randomUUID()
						+ "\",\"amount\":{\"amount\":1,\"currency\":\"EUR\"},\"paymentMethod\":\"tok_visa\"}"))
			.build());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	private static HttpResponse<String> post(String path, String key, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer any")
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static URI uri(String path) {
		return URI.create(stubs.baseUrl() + path);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
