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
import com.example.platform.support.idempotency.IdempotentRequest;
import com.example.platform.support.idempotency.IdempotentRequests;
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
	IdempotentRequests idempotentRequests;

	private ApiClient api() {
		return new ApiClient(this.port);
	}

	@Test
	void fiftyConcurrentRequestsWithOneKeyMakeExactlyOneChargeAndGetIdenticalAnswers() throws Exception {
		String key = PaymentRequests.newKey();
		String body = PaymentRequests.createBody(UUID.randomUUID(), UUID.randomUUID(), 4200, "EUR", "tok_visa");
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
		String key = PaymentRequests.newKey();
		String body = PaymentRequests.createBody(UUID.randomUUID(), "tok_chargeDeclined");
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
		String key = PaymentRequests.newKey();
		String token = PaymentRequests.uniqueToken("replay_pending");
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
		String body = PaymentRequests.createBody(UUID.randomUUID(), token);
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
		String key = PaymentRequests.newKey();
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		Answer first = api().post("/api/payments", this.service, key,
				PaymentRequests.createBody(orderId, userId, 1000, "EUR", "tok_visa"));
		Answer changed = api().post("/api/payments", this.service, key,
				PaymentRequests.createBody(orderId, userId, 2000, "EUR", "tok_visa"));
		assertThat(first.status()).isEqualTo(201);
		assertThat(changed.status()).isEqualTo(422);
		assertThat(changed.contentType()).startsWith("application/problem+json");
		assertThat(changed.<String>json("$.type"))
			.isEqualTo("https://platform.example/problems/idempotency-key-reused");
		// The key reused for a refund is a different request too.
		Answer asRefund = api().post("/api/payments/" + first.json("$.id") + "/refunds", this.service, key,
				PaymentRequests.refundBody(100, "EUR"));
		assertThat(asRefund.status()).isEqualTo(422);
		assertThat(PspStub.chargeRequests(first.json("$.id"))).hasSize(1);
	}

	@Test
	void keysAreScopedToTheCaller() {
		String key = PaymentRequests.newKey();
		String body = PaymentRequests.createBody(UUID.randomUUID(), "tok_visa");
		Answer fromOrders = api().post("/api/payments", this.service, key, body);
		Answer fromAnother = api().post("/api/payments", this.tokens.serviceToken("subscription-service"), key, body);
		assertThat(fromOrders.status()).isEqualTo(201);
		assertThat(fromAnother.status()).isEqualTo(201);
		assertThat(fromAnother.<String>json("$.id")).isNotEqualTo(fromOrders.json("$.id"));
	}

	@Test
	void answeredKeysAreKeptForTheRetentionPeriod() {
		String key = PaymentRequests.newKey();
		api().post("/api/payments", this.service, key, PaymentRequests.createBody(UUID.randomUUID(), "tok_visa"));
		assertThat(this.jdbc
			.sql("select count(*) from idempotent_request where idem_key = ? and answer is not null"
					+ " and lease_until is null")
			.param(key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * The mechanism's purge: keys older than the retention go, answered or abandoned (a
	 * holder long dead, whose payment the resolver settled); a key whose holder still
	 * holds a live lease is never purged.
	 */
	@Test
	void answeredAndAbandonedKeysArePurgedAfterTheRetentionButNotOnesStillHeld() {
		String old = PaymentRequests.newKey();
		String recent = PaymentRequests.newKey();
		String abandoned = PaymentRequests.newKey();
		String held = PaymentRequests.newKey();
		insertAnswered(old, "49 hours");
		insertAnswered(recent, "47 hours");
		insertUnanswered(abandoned, "72 hours", "-71 hours");
		insertUnanswered(held, "72 hours", "1 minute");
		this.idempotentRequests.purgeExpired();
		assertThat(this.jdbc.sql("select idem_key from idempotent_request where idem_key in (?, ?, ?, ?)")
			.params(old, recent, abandoned, held)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(recent, held);
	}

	private void insertAnswered(String key, String age) {
		this.jdbc.sql("""
				insert into idempotent_request (scope, idem_key, fingerprint, owner, answer, created_at,
				  completed_at)
				values ('purge-test', ?, 'f', gen_random_uuid(), '{}', now() - cast(? as interval), now())""")
			.params(key, age)
			.update();
	}

	private void insertUnanswered(String key, String age, String leaseLeft) {
		this.jdbc.sql("""
				insert into idempotent_request (scope, idem_key, fingerprint, owner, lease_until, created_at)
				values ('purge-test', ?, 'f', gen_random_uuid(), now() + cast(? as interval),
				  now() - cast(? as interval))""").params(key, leaseLeft, age).update();
	}

	@Test
	void malformedKeysAreFieldErrorsAndStoreNothing() {
		UUID orderId = UUID.randomUUID();
		for (String key : new String[] { "", "k".repeat(256), "key with spaces" }) {
			Answer answer = api().post("/api/payments", this.service, key,
					PaymentRequests.createBody(orderId, UUID.randomUUID(), 1000, "EUR", "tok_visa"));
			assertThat(answer.status()).as(key).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.<String>json("$.errors[0].field")).isEqualTo("Idempotency-Key");
		}
		assertThat(this.jdbc.sql("select count(*) from payment where order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPaymentWhoseRequestDiedAfterItWasStoredIsResolvedAndARetryOfItsKeyAnswersIt() {
		// As if the process died after storing the payment, before or during the
		// provider call: a PENDING payment due for the resolver, and a key linked to it
		// whose holder's lease ran out without an answer.
		UUID paymentId = UUID.randomUUID();
		String key = PaymentRequests.newKey();
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		String body = PaymentRequests.createBody(orderId, userId, 3100, "EUR", "tok_visa");
		String fingerprint = IdempotentRequest
			.of("order-service", key, "create-payment", orderId, userId, 3100L, "EUR", "tok_visa")
			.fingerprint();
		this.jdbc.sql("""
				insert into payment (id, order_id, user_id, amount, currency, payment_method, status, attempts,
				  next_attempt_at, created_at, updated_at)
				values (?, ?, ?, 3100, 'EUR', 'tok_visa', 'PENDING', 0, now(), now(), now())""")
			.params(paymentId, orderId, userId)
			.update();
		this.jdbc.sql("""
				insert into idempotent_request (scope, idem_key, fingerprint, owner, lease_until, resource_id,
				  created_at)
				values ('order-service', ?, ?, gen_random_uuid(), now() - interval '1 second', ?, now())""")
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
		assertThat(this.jdbc.sql("select count(*) from payment where order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
