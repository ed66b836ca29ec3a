package com.example.platform.payment;

import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;

import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.payments.PaymentStatus;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of provider answer, through the whole service against real PostgreSQL and
 * WireMock as the provider: the status answered, what is stored, and how the scheduled
 * resolver settles each pending payment.
 */
@PaymentServiceIntegrationTest
class ProviderOutcomesIT {

	private static final Duration RESOLUTION = Duration.ofSeconds(40);

	private final TestTokenIssuer tokens = TestTokenIssuer.shared();

	private final String service = this.tokens.serviceToken("order-service");

	@LocalServerPort
	int port;

	@Autowired
	PaymentRepository payments;

	private ApiClient api() {
		return new ApiClient(this.port);
	}

	private Answer create(String paymentMethod) {
		return api().post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(UUID.randomUUID(), paymentMethod));
	}

	private Payment stored(Answer answer) {
		return this.payments.findById(UUID.fromString(answer.json("$.id"))).orElseThrow();
	}

	@Test
	void approvesWhenTheProviderChargesAndPassesOurPaymentIdAsItsIdempotencyKey() {
		UUID orderId = UUID.randomUUID();
		UUID userId = UUID.randomUUID();
		Answer answer = api().post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(orderId, userId, 1999, "EUR", "tok_visa"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.<String>json("$.status")).isEqualTo("APPROVED");
		assertThat(answer.<String>json("$.orderId")).isEqualTo(orderId.toString());
		assertThat(answer.<String>json("$.userId")).isEqualTo(userId.toString());
		assertThat(answer.<Integer>json("$.amount.amount")).isEqualTo(1999);
		assertThat(answer.<String>json("$.amount.currency")).isEqualTo("EUR");
		assertThat(answer.body()).doesNotContain("declineCode");
		String id = answer.json("$.id");
		assertThat(PspStub.chargeRequests(id)).singleElement().satisfies(request -> {
			assertThat(request.getBodyAsString()).contains("\"amount\":1999", "\"currency\":\"eur\"",
					"\"payment_method\":\"tok_visa\"", "\"reference\":\"" + id + "\"");
			assertThat(request.getHeader("Authorization")).startsWith("Bearer ");
			// The request's id and trace go on to the provider.
			assertThat(request.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
			assertThat(request.getHeader("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		});
		assertThat(stored(answer).getProviderChargeId()).isEqualTo("ch_visa_" + id);
		assertThat(ProviderCallWatch.heldResourcesDuringCall(id)).as("transaction or connection held during the call")
			.isFalse();
	}

	@Test
	void declinesWithTheProvidersCode() {
		Answer declined = create("tok_chargeDeclined");
		assertThat(declined.status()).isEqualTo(201);
		assertThat(declined.<String>json("$.status")).isEqualTo("DECLINED");
		assertThat(declined.<String>json("$.declineCode")).isEqualTo("card_declined");
		Answer insufficient = create("tok_insufficientFunds");
		assertThat(insufficient.<String>json("$.status")).isEqualTo("DECLINED");
		assertThat(insufficient.<String>json("$.declineCode")).isEqualTo("insufficient_funds");
	}

	@Test
	void failsAtOnceWhenTheProviderRefusesTheRequestItself() {
		Answer answer = create("tok_unknownToTheProvider");
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.<String>json("$.status")).isEqualTo("FAILED");
		assertThat(stored(answer).getFailureReason()).contains("HTTP 400", "payment_method_invalid");
	}

	@Test
	void providerErrorLeavesThePaymentPendingUntilTheResolverLearnsTheOutcome() {
		String token = PaymentRequests.uniqueToken("error_then_ok");
		stubFirstThenApprove(token, aResponse().withStatus(500).withBody("{\"error\":{\"type\":\"api_error\"}}"));
		assertResolvedToApproved(create(token), "HTTP 500");
	}

	@Test
	void timeoutLeavesThePaymentPendingUntilTheResolverLearnsTheOutcome() {
		String token = PaymentRequests.uniqueToken("timeout_then_ok");
		// Answers after the read timeout (3 s in these tests).
		stubFirstThenApprove(token, okJson("{\"id\":\"ch_late\",\"status\":\"succeeded\"}").withFixedDelay(6000));
		assertResolvedToApproved(create(token), "did not answer in time");
	}

	@Test
	void malformedAnswerLeavesThePaymentPendingUntilTheResolverLearnsTheOutcome() {
		String token = PaymentRequests.uniqueToken("garbage_then_ok");
		stubFirstThenApprove(token, aResponse().withStatus(200).withBody("<html>not a charge"));
		assertResolvedToApproved(create(token), "Unreadable answer");
	}

	@Test
	void droppedConnectionLeavesThePaymentPendingUntilTheResolverLearnsTheOutcome() {
		String token = PaymentRequests.uniqueToken("reset_then_ok");
		stubFirstThenApprove(token, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		assertResolvedToApproved(create(token), "could not be reached");
	}

	@Test
	void resolverAsksAgainWithTheSameIdempotencyKeyAndCanLearnOfADecline() {
		String token = PaymentRequests.uniqueToken("error_then_declined");
		PspStub.server()
			.stubFor(chargeWith(token).inScenario(token)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("answered"));
		PspStub.server()
			.stubFor(chargeWith(token).inScenario(token)
				.whenScenarioStateIs("answered")
				.willReturn(aResponse().withStatus(402)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"id\":\"ch_x\",\"status\":\"failed\",\"failure_code\":\"expired_card\"}")));
		Answer answer = create(token);
		assertThat(answer.<String>json("$.status")).isEqualTo("PENDING");
		String id = answer.json("$.id");
		await().atMost(RESOLUTION).untilAsserted(() -> {
			Payment payment = this.payments.findById(UUID.fromString(id)).orElseThrow();
			assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
			assertThat(payment.getDeclineCode()).isEqualTo("expired_card");
		});
		assertThat(PspStub.chargeRequests(id)).hasSize(2);
	}

	@Test
	void chargeStillProcessingAtTheProviderIsLookedUpByItsId() {
		String token = PaymentRequests.uniqueToken("processing");
		String chargeId = "ch_processing_" + UUID.randomUUID();
		PspStub.server()
			.stubFor(chargeWith(token).willReturn(okJson("{\"id\":\"" + chargeId + "\",\"status\":\"pending\"}")));
		PspStub.server()
			.stubFor(get(urlEqualTo("/v1/charges/" + chargeId)).atPriority(1)
				.willReturn(okJson("{\"id\":\"" + chargeId + "\",\"status\":\"succeeded\"}")));
		Answer answer = create(token);
		assertThat(answer.<String>json("$.status")).isEqualTo("PENDING");
		await().atMost(RESOLUTION)
			.untilAsserted(() -> assertThat(stored(answer).getStatus()).isEqualTo(PaymentStatus.APPROVED));
		assertThat(PspStub.server().findAll(getRequestedFor(urlEqualTo("/v1/charges/" + chargeId)))).isNotEmpty();
		assertThat(PspStub.chargeRequests(answer.json("$.id"))).hasSize(1);
	}

	@Test
	void failsWithTheReasonRecordedWhenTheProviderNeverGivesAnOutcome() {
		Answer answer = create("tok_error");
		assertThat(answer.<String>json("$.status")).isEqualTo("PENDING");
		await().atMost(RESOLUTION)
			.untilAsserted(() -> assertThat(stored(answer).getStatus()).isEqualTo(PaymentStatus.FAILED));
		Payment payment = stored(answer);
		assertThat(payment.getFailureReason()).contains("after 3 resolver attempts", "HTTP 500");
		assertThat(payment.getAttempts()).isEqualTo(3);
		// The original call and one per resolver attempt, all with the same key.
		assertThat(PspStub.chargeRequests(payment.getId().toString())).hasSize(4);
		Answer read = api().get("/api/payments/" + payment.getId(), this.service);
		assertThat(read.<String>json("$.status")).isEqualTo("FAILED");
	}

	private void assertResolvedToApproved(Answer answer, String firstReason) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.<String>json("$.status")).isEqualTo("PENDING");
		Payment pending = stored(answer);
		assertThat(pending.getFailureReason()).contains(firstReason);
		await().atMost(RESOLUTION)
			.untilAsserted(() -> assertThat(stored(answer).getStatus()).isEqualTo(PaymentStatus.APPROVED));
		// The resolver repeated the charge with the same idempotency key: the provider
		// saw one charge, asked twice.
		// The resolver's call held no transaction or connection either.
		assertThat(ProviderCallWatch.heldResourcesDuringCall(pending.getId().toString())).isFalse();
		assertThat(PspStub.chargeRequests(pending.getId().toString())).hasSize(2)
			.allSatisfy(request -> assertThat(request.getBodyAsString()).contains(pending.getId().toString()));
		Answer read = api().get("/api/payments/" + pending.getId(), this.service);
		assertThat(read.<String>json("$.status")).isEqualTo("APPROVED");
	}

	private static MappingBuilder chargeWith(String token) {
		return post(urlEqualTo("/v1/charges")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.payment_method", equalTo(token)));
	}

	private static void stubFirstThenApprove(String token, ResponseDefinitionBuilder first) {
		PspStub.server()
			.stubFor(chargeWith(token).inScenario(token)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(first)
				.willSetStateTo("recovered"));
		PspStub.server()
			.stubFor(chargeWith(token).inScenario(token)
				.whenScenarioStateIs("recovered")
				.willReturn(okJson("{\"id\":\"ch_" + token + "\",\"status\":\"succeeded\"}")));
	}

}
