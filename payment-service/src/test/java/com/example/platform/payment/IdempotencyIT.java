package com.example.platform.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.payment.domain.PaymentService;
import com.example.platform.payment.domain.RequestFingerprint;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idempotency keys as payment APIs promise them, guaranteed by the database: replays
 * answer the original response without calling the provider, a changed request is
 * refused, keys are scoped to the caller, and many concurrent requests with one key make
 * exactly one provider charge.
 */
@PaymentServiceIntegrationTest
class IdempotencyIT {

	private final TestTokenIssuer tokens = TestTokenIssuer.shared();

	private final String service = this.tokens.serviceToken("order-service");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentService paymentService;

	private ApiClient api() {
		return new ApiClient(this.port);
	}

	@Test
	void fiftyConcurrentRequestsWithOneKeyMakeExactlyOneChargeAndGetIdenticalAnswers() throws Exception {
		String key = Payments.newKey();
		String body = Payments.createBody(UUID.randomUUID(), UUID.randomUUID(), 4200, "EUR", "tok_visa");
		int requests = 50;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Answer>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(requests)) {
			for (int i = 0; i < requests; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return api().post("/api/payments", this.service, key, body);
				}));
			}
			start.countDown();
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> future : futures) {
				answers.add(future.get());
			}
			Answer first = answers.get(0);
			assertThat(first.status()).as(first.toString()).isEqualTo(201);
			assertThat(answers).allSatisfy(answer -> {
				assertThat(answer.status()).isEqualTo(201);
				assertThat(answer.body()).isEqualTo(first.body());
			});
			String id = first.json("$.id");
			assertThat(PspStub.chargeRequests(id)).hasSize(1);
			assertThat(this.jdbc.sql("select count(*) from payment where id = ?")
				.param(UUID.fromString(id))
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	@Test
	void replayAnswersTheStoredResponseWithoutCallingTheProviderAgain() {
		String key = Payments.newKey();
		String body = Payments.createBody(UUID.randomUUID(), "tok_chargeDeclined");
		Answer first = api().post("/api/payments", this.service, key, body);
		// Same request, other whitespace and field order: still the same request.
		String reordered = body.replace("{\"orderId\"", "{ \"paymentMethod\": \"tok_chargeDeclined\", \"orderId\"")
			.replace(", \"paymentMethod\": \"tok_chargeDeclined\"}", "}");
		Answer replay = api().post("/api/payments", this.service, key, reordered);
		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(PspStub.chargeRequests(first.json("$.id"))).hasSize(1);
	}

	@Test
	void replayOfAPendingAnswerStaysTheOriginalAnswerWhileReadingShowsTheResolvedState() {
		String key = Payments.newKey();
		String token = Payments.uniqueToken("replay_pending");
		PspStub.server()
			.stubFor(post("/v1/charges").atPriority(1)
				.withRequestBody(matchingJsonPath("$.payment_method", equalTo(token)))
				.inScenario(token)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(serverError())
				.willSetStateTo("ok"));
		PspStub.server()
			.stubFor(post("/v1/charges").atPriority(1)
				.withRequestBody(matchingJsonPath("$.payment_method", equalTo(token)))
				.inScenario(token)
				.whenScenarioStateIs("ok")
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock
					.okJson("{\"id\":\"ch_ok\",\"status\":\"succeeded\"}")));
		String body = Payments.createBody(UUID.randomUUID(), token);
		Answer first = api().post("/api/payments", this.service, key, body);
		assertThat(first.<String>json("$.status")).isEqualTo("PENDING");
		String id = first.json("$.id");
		await().atMost(Duration.ofSeconds(40))
			.untilAsserted(() -> assertThat(api().get("/api/payments/" + id, this.service).<String>json("$.status"))
				.isEqualTo("APPROVED"));
		Answer replay = api().post("/api/payments", this.service, key, body);
		assertThat(replay.body()).isEqualTo(first.body());
	}

	@Test
	void sameKeyWithADifferentRequestIsRefused() {
		String key = Payments.newKey();
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		Answer first = api().post("/api/payments", this.service, key,
				Payments.createBody(orderId, userId, 1000, "EUR", "tok_visa"));
		Answer changed = api().post("/api/payments", this.service, key,
				Payments.createBody(orderId, userId, 2000, "EUR", "tok_visa"));
		assertThat(first.status()).isEqualTo(201);
		assertThat(changed.status()).isEqualTo(422);
		assertThat(changed.contentType()).startsWith("application/problem+json");
		assertThat(changed.<String>json("$.type"))
			.isEqualTo("https://platform.example/problems/idempotency-key-reused");
		// The key reused for a refund is a different request too.
		Answer asRefund = api().post("/api/payments/" + first.json("$.id") + "/refunds", this.service, key,
				Payments.refundBody(100, "EUR"));
		assertThat(asRefund.status()).isEqualTo(422);
		assertThat(PspStub.chargeRequests(first.json("$.id"))).hasSize(1);
	}

	@Test
	void keysAreScopedToTheCaller() {
		String key = Payments.newKey();
		String body = Payments.createBody(UUID.randomUUID(), "tok_visa");
		Answer fromOrders = api().post("/api/payments", this.service, key, body);
		Answer fromAnother = api().post("/api/payments", this.tokens.serviceToken("subscription-service"), key, body);
		assertThat(fromOrders.status()).isEqualTo(201);
		assertThat(fromAnother.status()).isEqualTo(201);
		assertThat(fromAnother.<String>json("$.id")).isNotEqualTo(fromOrders.json("$.id"));
	}

	@Test
	void answeredKeysAreKeptForTheRetentionPeriod() {
		String key = Payments.newKey();
		api().post("/api/payments", this.service, key, Payments.createBody(UUID.randomUUID(), "tok_visa"));
		assertThat(this.jdbc
			.sql("select count(*) from idempotency_record where idempotency_key = ? and state = 'COMPLETED'")
			.param(key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void answeredKeysArePurgedAfterTheRetentionAndUnansweredOnesNever() {
		UUID resource = UUID.randomUUID();
		String old = Payments.newKey();
		String recent = Payments.newKey();
		String stuck = Payments.newKey();
		insertRecord(old, "COMPLETED", resource, "49 hours");
		insertRecord(recent, "COMPLETED", resource, "47 hours");
		insertRecord(stuck, "IN_FLIGHT", resource, "72 hours");
		this.paymentService.purgeExpiredIdempotencyKeys();
		assertThat(this.jdbc.sql("select idempotency_key from idempotency_record where idempotency_key in (?, ?, ?)")
			.params(old, recent, stuck)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(recent, stuck);
	}

	private void insertRecord(String key, String state, UUID resource, String age) {
		this.jdbc.sql("""
				insert into idempotency_record (caller, idempotency_key, fingerprint, state, resource_type,
				  resource_id, created_at)
				values ('purge-test', ?, 'f', ?, 'PAYMENT', ?, now() - cast(? as interval))""")
			.params(key, state, resource, age)
			.update();
	}

	@Test
	void aPaymentWhoseRequestDiedAfterItWasStoredIsResolvedAndItsKeyAnswered() {
		// As if the process died after storing the payment, before or during the
		// provider call: a PENDING payment and an unanswered key, due for the resolver.
		UUID paymentId = UUID.randomUUID();
		String key = Payments.newKey();
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		String body = Payments.createBody(orderId, userId, 3100, "EUR", "tok_visa");
		String fingerprint = RequestFingerprint.of("create-payment", orderId, userId, 3100L, "EUR", "tok_visa");
		this.jdbc.sql("""
				insert into payment (id, order_id, user_id, amount, currency, payment_method, status, attempts,
				  next_attempt_at, created_at, updated_at)
				values (?, ?, ?, 3100, 'EUR', 'tok_visa', 'PENDING', 0, now(), now(), now())""")
			.params(paymentId, orderId, userId)
			.update();
		this.jdbc.sql("""
				insert into idempotency_record (caller, idempotency_key, fingerprint, state, resource_type,
				  resource_id, created_at)
				values ('order-service', ?, ?, 'IN_FLIGHT', 'PAYMENT', ?, now())""")
			.params(key, fingerprint, paymentId)
			.update();
		await().atMost(Duration.ofSeconds(40))
			.untilAsserted(() -> assertThat(this.jdbc.sql("select status from payment where id = ?")
				.param(paymentId)
				.query(String.class)
				.single()).isEqualTo("APPROVED"));
		assertThat(PspStub.chargeRequests(paymentId.toString())).hasSize(1);
		Answer retry = api().post("/api/payments", this.service, key, body);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.<String>json("$.id")).isEqualTo(paymentId.toString());
		assertThat(retry.<String>json("$.status")).isEqualTo("APPROVED");
		assertThat(PspStub.chargeRequests(paymentId.toString())).hasSize(1);
	}

}
