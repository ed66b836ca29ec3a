package com.example.platform.payment;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A duplicate arriving while the first request is still at the provider gets 409 at once
 * (no waiting configured here) and never a second charge; once the first is answered the
 * duplicate gets its answer.
 */
@PaymentServiceIntegrationTest
@TestPropertySource(properties = "platform.payments.idempotency.in-flight-wait=0s")
class InFlightIT {

	@LocalServerPort
	int port;

	@Test
	void duplicateOfARequestInFlightGetsConflictThenTheOriginalAnswer() {
		String service = TestTokenIssuer.shared().serviceToken("order-service");
		String token = Payments.uniqueToken("slow");
		// Slow, but within the read timeout (1 s in these tests).
		PspStub.server()
			.stubFor(post(urlEqualTo("/v1/charges")).atPriority(1)
				.withRequestBody(matchingJsonPath("$.payment_method", equalTo(token)))
				.willReturn(okJson("{\"id\":\"ch_slow\",\"status\":\"succeeded\"}").withFixedDelay(800)));
		ApiClient api = new ApiClient(this.port);
		String key = Payments.newKey();
		String body = Payments.createBody(UUID.randomUUID(), token);
		CompletableFuture<Answer> first = CompletableFuture
			.supplyAsync(() -> api.post("/api/payments", service, key, body));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !PspStub.server()
				.findAll(postRequestedFor(urlEqualTo("/v1/charges"))
					.withRequestBody(matchingJsonPath("$.payment_method", equalTo(token))))
				.isEmpty());
		Answer duplicate = api.post("/api/payments", service, key, body);
		assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/problem+json");
		assertThat(duplicate.<String>json("$.type")).isEqualTo("https://platform.example/problems/request-in-flight");
		assertThat(duplicate.retryAfter()).contains("1");
		Answer original = first.join();
		assertThat(original.status()).isEqualTo(201);
		Answer later = api.post("/api/payments", service, key, body);
		assertThat(later.body()).isEqualTo(original.body());
		assertThat(PspStub.chargeRequests(original.json("$.id"))).hasSize(1);
	}

}
