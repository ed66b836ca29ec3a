package com.example.platform.payment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Full and partial refunds against real PostgreSQL and the provider stub: up to the
 * approved amount and never beyond, even when refunds race.
 */
@PaymentServiceIntegrationTest
class RefundIT {

	private final TestTokenIssuer tokens = TestTokenIssuer.shared();

	private final String service = this.tokens.serviceToken("order-service");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ApiClient api() {
		return new ApiClient(this.port);
	}

	private String approvedPayment(long amount) {
		Answer answer = api().post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(UUID.randomUUID(), UUID.randomUUID(), amount, "EUR", "tok_visa"));
		assertThat(answer.<String>json("$.status")).isEqualTo("APPROVED");
		return answer.json("$.id");
	}

	private Answer refund(String paymentId, long amount) {
		return api().post("/api/payments/" + paymentId + "/refunds", this.service, PaymentRequests.newKey(),
				PaymentRequests.refundBody(amount, "EUR"));
	}

	@Test
	void refundsPartiallyUpToTheApprovedAmountAndRefusesMore() {
		String paymentId = approvedPayment(1000);
		Answer first = refund(paymentId, 600);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.<String>json("$.status")).isEqualTo("SUCCEEDED");
		assertThat(first.<String>json("$.paymentId")).isEqualTo(paymentId);
		assertThat(first.<Integer>json("$.amount.amount")).isEqualTo(600);
		assertThat(PspStub.refundRequests(first.json("$.refundId"))).singleElement()
			.satisfies(request -> assertThat(request.getBodyAsString()).contains("\"charge\":\"ch_visa_" + paymentId,
					"\"amount\":600"));
		Answer tooMuch = refund(paymentId, 401);
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.contentType()).startsWith("application/problem+json");
		assertThat(tooMuch.<String>json("$.type"))
			.isEqualTo("https://platform.example/problems/refund-exceeds-payment");
		assertThat(tooMuch.<Integer>json("$.refundable.amount")).isEqualTo(400);
		// Neither the charge nor the refund held a transaction or connection while the
		// provider was called.
		assertThat(ProviderCallWatch.heldResourcesDuringCall(paymentId)).isFalse();
		assertThat(ProviderCallWatch.heldResourcesDuringCall(first.json("$.refundId"))).isFalse();
		Answer rest = refund(paymentId, 400);
		assertThat(rest.status()).isEqualTo(201);
		Answer more = refund(paymentId, 1);
		assertThat(more.status()).isEqualTo(409);
		assertThat(refundedSum(paymentId)).isEqualTo(1000);
	}

	@Test
	void concurrentRefundsNeverExceedTheApprovedAmount() throws Exception {
		String paymentId = approvedPayment(1000);
		int requests = 10;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Answer>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(requests)) {
			for (int i = 0; i < requests; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return refund(paymentId, 300);
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Answer> future : futures) {
				statuses.add(future.get().status());
			}
			assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
			assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
		}
		assertThat(refundedSum(paymentId)).isEqualTo(900);
	}

	@Test
	void refundReplayAnswersTheSameWithoutASecondProviderRefund() {
		String paymentId = approvedPayment(1000);
		String key = PaymentRequests.newKey();
		Answer first = api().post("/api/payments/" + paymentId + "/refunds", this.service, key,
				PaymentRequests.refundBody(1000, "EUR"));
		Answer replay = api().post("/api/payments/" + paymentId + "/refunds", this.service, key,
				PaymentRequests.refundBody(1000, "EUR"));
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(PspStub.refundRequests(first.json("$.refundId"))).hasSize(1);
		assertThat(refundedSum(paymentId)).isEqualTo(1000);
	}

	@Test
	void onlyApprovedPaymentsOfKnownIdsInTheirCurrencyAreRefunded() {
		Answer declined = api().post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(UUID.randomUUID(), "tok_chargeDeclined"));
		Answer ofDeclined = refund(declined.json("$.id"), 100);
		assertThat(ofDeclined.status()).isEqualTo(409);
		assertThat(ofDeclined.<String>json("$.detail")).contains("DECLINED");
		Answer unknown = refund(UUID.randomUUID().toString(), 100);
		assertThat(unknown.status()).isEqualTo(404);
		String paymentId = approvedPayment(1000);
		Answer otherCurrency = api().post("/api/payments/" + paymentId + "/refunds", this.service,
				PaymentRequests.newKey(), PaymentRequests.refundBody(100, "USD"));
		assertThat(otherCurrency.status()).isEqualTo(400);
		assertThat(otherCurrency.<String>json("$.errors[0].field")).isEqualTo("amount.currency");
	}

	@Test
	void aRefusedRefundLeavesItsKeyUnused() {
		String paymentId = approvedPayment(1000);
		String key = PaymentRequests.newKey();
		Answer tooMuch = api().post("/api/payments/" + paymentId + "/refunds", this.service, key,
				PaymentRequests.refundBody(5000, "EUR"));
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(this.jdbc.sql("select count(*) from idempotent_request where idem_key = ?")
			.param(key)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void pendingRefundIsResolvedByAskingTheProviderAgainWithTheSameKey() {
		String paymentId = approvedPayment(1000);
		String charge = "ch_visa_" + paymentId;
		PspStub.server()
			.stubFor(refundOf(charge).inScenario(charge)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("recovered"));
		PspStub.server()
			.stubFor(refundOf(charge).inScenario(charge)
				.whenScenarioStateIs("recovered")
				.willReturn(okJson("{\"id\":\"re_late\",\"status\":\"succeeded\"}")));
		Answer answer = refund(paymentId, 700);
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.<String>json("$.status")).isEqualTo("PENDING");
		// A pending refund holds its amount.
		assertThat(refund(paymentId, 301).status()).isEqualTo(409);
		String refundId = answer.json("$.refundId");
		await().atMost(Duration.ofSeconds(40))
			.untilAsserted(() -> assertThat(refundStatus(refundId)).isEqualTo("SUCCEEDED"));
		assertThat(PspStub.refundRequests(refundId)).hasSize(2);
	}

	@Test
	void refundWithoutAnOutcomeFailsAndReleasesItsAmount() {
		String paymentId = approvedPayment(1000);
		PspStub.server().stubFor(refundOf("ch_visa_" + paymentId).willReturn(aResponse().withStatus(500)));
		Answer answer = refund(paymentId, 1000);
		assertThat(answer.<String>json("$.status")).isEqualTo("PENDING");
		String refundId = answer.json("$.refundId");
		await().atMost(Duration.ofSeconds(40))
			.untilAsserted(() -> assertThat(refundStatus(refundId)).isEqualTo("FAILED"));
		assertThat(this.jdbc.sql("select failure_reason from refund where id = ?")
			.param(UUID.fromString(refundId))
			.query(String.class)
			.single()).contains("after 3 resolver attempts", "HTTP 500");
		assertThat(refundedSum(paymentId)).isZero();
	}

	private static MappingBuilder refundOf(String charge) {
		return post(urlEqualTo("/v1/refunds")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.charge", equalTo(charge)));
	}

	private String refundStatus(String refundId) {
		return this.jdbc.sql("select status from refund where id = ?")
			.param(UUID.fromString(refundId))
			.query(String.class)
			.single();
	}

	private long refundedSum(String paymentId) {
		return this.jdbc.sql("select coalesce(sum(amount), 0) from refund where payment_id = ? and status <> 'FAILED'")
			.param(UUID.fromString(paymentId))
			.query(Long.class)
			.single();
	}

}
