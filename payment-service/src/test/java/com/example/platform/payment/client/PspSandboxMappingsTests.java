package com.example.platform.payment.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.payments.ChargeOutcome;
import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.PaymentProvider;
import com.example.platform.payment.refunds.RefundOutcome;
import com.example.platform.payment.refunds.RefundProvider;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PSP sandbox's stub mappings ({@code psp-sandbox/mappings}, what the local platform
 * runs in a standalone WireMock) behave as documented, seen through the adapter: every
 * test payment method, and charges looked up by id answering consistently.
 */
class PspSandboxMappingsTests {

	private static final WireMockServer sandbox = new WireMockServer(
			options().bindAddress("127.0.0.1").dynamicPort().usingFilesUnderDirectory("psp-sandbox"));

	private static HttpPaymentProvider adapter;

	@BeforeAll
	static void start() {
		sandbox.start();
		adapter = HttpPaymentProvider.create(RestClient.builder(), URI.create(sandbox.baseUrl()), "sk_test_sandbox",
				Duration.ofMillis(500), Duration.ofMillis(700), JsonMapper.builder().build());
	}

	@AfterAll
	static void stop() {
		sandbox.stop();
	}

	private static ChargeOutcome charge(String paymentMethod, UUID reference) {
		return adapter.charge(new PaymentProvider.ChargeRequest(reference, new Money(1000, "EUR"), paymentMethod));
	}

	@Test
	void tokVisaApprovesAndTheChargeLooksUpAsSucceeded() {
		UUID reference = UUID.randomUUID();
		ChargeOutcome outcome = charge("tok_visa", reference);
		assertThat(outcome).isEqualTo(new ChargeOutcome.Approved("ch_visa_" + reference));
		assertThat(adapter.chargeStatus("ch_visa_" + reference)).isEqualTo(outcome);
	}

	@Test
	void declineTokensDeclineWithTheirCodesAndLookUpTheSame() {
		UUID declined = UUID.randomUUID();
		assertThat(charge("tok_chargeDeclined", declined))
			.isEqualTo(new ChargeOutcome.Declined("ch_declined_" + declined, "card_declined"));
		assertThat(adapter.chargeStatus("ch_declined_" + declined))
			.isEqualTo(new ChargeOutcome.Declined("ch_declined_" + declined, "card_declined"));
		UUID poor = UUID.randomUUID();
		assertThat(charge("tok_insufficientFunds", poor))
			.isEqualTo(new ChargeOutcome.Declined("ch_insufficient_" + poor, "insufficient_funds"));
		assertThat(adapter.chargeStatus("ch_insufficient_" + poor))
			.isEqualTo(new ChargeOutcome.Declined("ch_insufficient_" + poor, "insufficient_funds"));
	}

	@Test
	void tokErrorAnswers500AndTokTimeoutAnswersTooLate() {
		assertThat(charge("tok_error", UUID.randomUUID()))
			.isEqualTo(new ChargeOutcome.Unknown(null, "The provider answered HTTP 500"));
		assertThat(charge("tok_timeout", UUID.randomUUID()))
			.isEqualTo(new ChargeOutcome.Unknown(null, "The provider did not answer in time"));
	}

	@Test
	void unknownPaymentMethodsAndChargesAreRefused() {
		assertThat(charge("tok_nonsense", UUID.randomUUID())).isEqualTo(
				new ChargeOutcome.Rejected("The provider refused the request: HTTP 400 (payment_method_invalid)"));
		assertThat(adapter.chargeStatus("ch_nonexistent")).isInstanceOf(ChargeOutcome.Unknown.class);
	}

	@Test
	void refundsSucceed() {
		UUID reference = UUID.randomUUID();
		assertThat(adapter.refund(new RefundProvider.RefundRequest(reference, "ch_visa_x", new Money(500, "EUR"))))
			.isEqualTo(new RefundOutcome.Succeeded("re_" + reference));
	}

	@Test
	void requestsWithoutIdempotencyKeyAreRefused() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/charges"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"amount\":1000,\"currency\":\"eur\",\"payment_method\":\"tok_visa\",\"reference\":\"r\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("idempotency_key_missing");
	}

}
