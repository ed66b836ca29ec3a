package com.example.platform.payment;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.support.idempotency.IdempotentRequest;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * duplicate gets its answer. A request whose holder died is taken over once the holder's
 * lease has run out, and answered from the payment the holder stored.
 */
@PaymentServiceIntegrationTest
@TestPropertySource(properties = "platform.idempotency.in-flight-wait=0s")
class InFlightIT {

	/** The mechanism's default lease. */
	private static final Duration LEASE = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void duplicateOfARequestInFlightGetsConflictThenTheOriginalAnswer() {
		String service = TestTokenIssuer.shared().serviceToken("order-service");
		String token = PaymentRequests.uniqueToken("slow");
		// Slow, but within the read timeout (1 s in these tests).
		PspStub.server()
			.stubFor(post(urlEqualTo("/v1/charges")).atPriority(1)
				.withRequestBody(matchingJsonPath("$.payment_method", equalTo(token)))
				.willReturn(okJson("{\"id\":\"ch_slow\",\"status\":\"succeeded\"}").withFixedDelay(800)));
		ApiClient api = new ApiClient(this.port);
		String key = PaymentRequests.newKey();
		String body = PaymentRequests.createBody(UUID.randomUUID(), token);
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
		// Retry-After is the time left on the first request's lease (10 s by default): by
		// then it has answered, or a retry takes it over.
		assertThat(duplicate.retryAfter())
			.hasValueSatisfying(retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, LEASE.toSeconds()));
		Answer original = first.join();
		assertThat(original.status()).isEqualTo(201);
		Answer later = api.post("/api/payments", service, key, body);
		assertThat(later.body()).isEqualTo(original.body());
		assertThat(PspStub.chargeRequests(original.json("$.id"))).hasSize(1);
	}

	@Test
	void retryOfARequestWhoseHolderDiedIsRefusedWhileTheLeaseLastsThenTakesOverWithoutASecondCharge() {
		// As if the holder died after storing the PENDING payment and linking its key,
		// before the provider answered: its lease runs out in 5 s, and the resolver is
		// not
		// due for an hour, so only the retry can settle the payment.
		String service = TestTokenIssuer.shared().serviceToken("order-service");
		UUID paymentId = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		String key = PaymentRequests.newKey();
		this.jdbc.sql("""
				insert into payment (id, order_id, user_id, amount, currency, payment_method, status, attempts,
				  next_attempt_at, created_at, updated_at)
				values (?, ?, ?, 4100, 'EUR', 'tok_visa', 'PENDING', 0, now() + interval '1 hour', now(), now())""")
			.params(paymentId, orderId, userId)
			.update();
		this.jdbc.sql("""
				insert into idempotent_request (scope, idem_key, fingerprint, owner, lease_until, resource_id,
				  created_at)
				values ('order-service', ?, ?, gen_random_uuid(), now() + interval '5 seconds', ?, now())""")
			.params(key,
					IdempotentRequest
						.of("order-service", key, "create-payment", orderId, userId, 4100L, "EUR", "tok_visa")
						.fingerprint(),
					paymentId)
			.update();
		ApiClient api = new ApiClient(this.port);
		String body = PaymentRequests.createBody(orderId, userId, 4100, "EUR", "tok_visa");
		Answer whileHeld = api.post("/api/payments", service, key, body);
		assertThat(whileHeld.status()).as(whileHeld.toString()).isEqualTo(409);
		assertThat(whileHeld.<String>json("$.type")).isEqualTo("https://platform.example/problems/request-in-flight");
		assertThat(whileHeld.retryAfter())
			.hasValueSatisfying(retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 5L));
		Answer takenOver = await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> api.post("/api/payments", service, key, body), answer -> answer.status() != 409);
		assertThat(takenOver.status()).as(takenOver.toString()).isEqualTo(201);
		assertThat(takenOver.<String>json("$.id")).isEqualTo(paymentId.toString());
		assertThat(takenOver.<String>json("$.status")).isEqualTo("APPROVED");
		assertThat(PspStub.chargeRequests(paymentId.toString())).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from payment where order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single()).isEqualTo(1);
		// Answered now: a further retry replays the answer without calling the provider.
		assertThat(api.post("/api/payments", service, key, body).body()).isEqualTo(takenOver.body());
		assertThat(PspStub.chargeRequests(paymentId.toString())).hasSize(1);
	}

}
