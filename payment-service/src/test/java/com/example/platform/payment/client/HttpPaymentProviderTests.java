package com.example.platform.payment.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.payments.ChargeOutcome;
import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.PaymentProvider;
import com.example.platform.payment.refunds.RefundOutcome;
import com.example.platform.payment.refunds.RefundProvider;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's explicit mapping of every provider answer, against WireMock.
 */
class HttpPaymentProviderTests {

	private static final WireMockServer provider = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	private static final UUID REFERENCE = UUID.fromString("11111111-2222-4333-8444-555555555555");

	private static final PaymentProvider.ChargeRequest CHARGE = new PaymentProvider.ChargeRequest(REFERENCE,
			new Money(1999, "EUR"), "tok_visa");

	private HttpPaymentProvider adapter;

	@BeforeAll
	static void start() {
		provider.start();
	}

	@AfterAll
	static void stop() {
		provider.stop();
	}

	@BeforeEach
	void reset() {
		provider.resetAll();
		this.adapter = adapter(URI.create("http://127.0.0.1:" + provider.port()));
	}

	private static HttpPaymentProvider adapter(URI baseUrl) {
		return HttpPaymentProvider.create(RestClient.builder(), baseUrl, "sk_test_1", Duration.ofMillis(500),
				Duration.ofMillis(500), JsonMapper.builder().build());
	}

	private ChargeOutcome chargeAnswered(ResponseDefinitionBuilder response) {
		provider.stubFor(post("/v1/charges").willReturn(response));
		return this.adapter.charge(CHARGE);
	}

	@Test
	void sendsTheChargeWithOurReferenceAsIdempotencyKeyAndTheApiKey() {
		chargeAnswered(okJson("{\"id\":\"ch_1\",\"status\":\"succeeded\"}"));
		provider.verify(
				postRequestedFor(urlEqualTo("/v1/charges")).withHeader("Idempotency-Key", equalTo(REFERENCE.toString()))
					.withHeader("Authorization", equalTo("Bearer sk_test_1"))
					.withRequestBody(equalToJson("""
							{"amount": 1999, "currency": "eur", "payment_method": "tok_visa",
							 "reference": "11111111-2222-4333-8444-555555555555"}""")));
	}

	@Test
	void succeededIsApproved() {
		assertThat(chargeAnswered(okJson("{\"id\":\"ch_1\",\"status\":\"succeeded\"}")))
			.isEqualTo(new ChargeOutcome.Approved("ch_1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "card_declined", "insufficient_funds", "expired_card" })
	void failedIsDeclinedWithTheProvidersCode(String code) {
		assertThat(chargeAnswered(aResponse().withStatus(402)
			.withBody("{\"id\":\"ch_2\",\"status\":\"failed\",\"failure_code\":\"" + code + "\"}")))
			.isEqualTo(new ChargeOutcome.Declined("ch_2", code));
	}

	@Test
	void unknownDeclineCodeIsAGenericDecline() {
		assertThat(chargeAnswered(aResponse().withStatus(402)
			.withBody("{\"id\":\"ch_2\",\"status\":\"failed\",\"failure_code\":\"velocity_exceeded\"}")))
			.isEqualTo(new ChargeOutcome.Declined("ch_2", "card_declined"));
	}

	@Test
	void succeededWith402IsNotTakenForAnApproval() {
		assertThat(chargeAnswered(aResponse().withStatus(402).withBody("{\"id\":\"ch_2\",\"status\":\"succeeded\"}")))
			.isInstanceOf(ChargeOutcome.Unknown.class);
	}

	@Test
	void pendingIsUnknownWithTheChargeIdToLookUp() {
		assertThat(chargeAnswered(okJson("{\"id\":\"ch_3\",\"status\":\"pending\"}")))
			.isEqualTo(new ChargeOutcome.Unknown("ch_3", "The provider is still processing the charge"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504, 409, 429 })
	void transientStatusesAreUnknown(int status) {
		assertThat(chargeAnswered(aResponse().withStatus(status).withBody("{\"error\":{}}")))
			.isEqualTo(new ChargeOutcome.Unknown(null, "The provider answered HTTP " + status));
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 422 })
	void otherClientErrorsAreRejected(int status) {
		ChargeOutcome outcome = chargeAnswered(aResponse().withStatus(status)
			.withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_invalid\"}}"));
		assertThat(outcome).isEqualTo(new ChargeOutcome.Rejected(
				"The provider refused the request: HTTP " + status + " (parameter_invalid)"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "<html>", "", "[1,2]", "{\"id\":\"ch_1\"}", "{\"id\":\"ch_1\",\"status\":\"weird\"}",
			"{\"status\":\"succeeded\"}", "{\"id\": 5, \"status\": \"succeeded\"}" })
	void malformedOrUnexpectedBodiesAreUnknown(String body) {
		assertThat(chargeAnswered(aResponse().withStatus(200).withBody(body)))
			.isInstanceOf(ChargeOutcome.Unknown.class);
	}

	@Test
	void noAnswerWithinTheReadTimeoutIsUnknown() {
		assertThat(chargeAnswered(okJson("{\"id\":\"ch_1\",\"status\":\"succeeded\"}").withFixedDelay(1500)))
			.isEqualTo(new ChargeOutcome.Unknown(null, "The provider did not answer in time"));
	}

	@Test
	void droppedConnectionIsUnknown() {
		assertThat(chargeAnswered(aResponse().withFault(Fault.EMPTY_RESPONSE)))
			.isInstanceOf(ChargeOutcome.Unknown.class);
		assertThat(chargeAnswered(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)))
			.isInstanceOf(ChargeOutcome.Unknown.class);
	}

	@Test
	void connectionRefusedIsUnknown() {
		assertThat(adapter(URI.create("http://127.0.0.1:" + closedPort())).charge(CHARGE))
			.isEqualTo(new ChargeOutcome.Unknown(null, "The provider could not be reached (connection refused)"));
	}

	@Test
	void chargeIsLookedUpById() {
		provider.stubFor(get("/v1/charges/ch_9").willReturn(okJson("{\"id\":\"ch_9\",\"status\":\"succeeded\"}")));
		assertThat(this.adapter.chargeStatus("ch_9")).isEqualTo(new ChargeOutcome.Approved("ch_9"));
		provider.stubFor(get("/v1/charges/ch_404").willReturn(aResponse().withStatus(404)));
		assertThat(this.adapter.chargeStatus("ch_404")).isInstanceOf(ChargeOutcome.Unknown.class);
	}

	@Test
	void refundOutcomesAreMappedExplicitly() {
		RefundProvider.RefundRequest refund = new RefundProvider.RefundRequest(REFERENCE, "ch_1",
				new Money(500, "EUR"));
		provider.stubFor(post("/v1/refunds").willReturn(okJson("{\"id\":\"re_1\",\"status\":\"succeeded\"}")));
		assertThat(this.adapter.refund(refund)).isEqualTo(new RefundOutcome.Succeeded("re_1"));
		provider.verify(
				postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(REFERENCE.toString()))
					.withRequestBody(equalToJson("""
							{"charge": "ch_1", "amount": 500, "currency": "eur",
							 "reference": "11111111-2222-4333-8444-555555555555"}""")));
		provider.stubFor(post("/v1/refunds")
			.willReturn(okJson("{\"id\":\"re_2\",\"status\":\"failed\",\"failure_code\":\"charge_disputed\"}")));
		assertThat(this.adapter.refund(refund))
			.isEqualTo(new RefundOutcome.Failed("The provider refused the refund: charge_disputed"));
		provider.stubFor(post("/v1/refunds").willReturn(aResponse().withStatus(400)));
		assertThat(this.adapter.refund(refund)).isInstanceOf(RefundOutcome.Failed.class);
		provider.stubFor(post("/v1/refunds").willReturn(aResponse().withStatus(503)));
		assertThat(this.adapter.refund(refund)).isInstanceOf(RefundOutcome.Unknown.class);
		provider.stubFor(post("/v1/refunds").willReturn(okJson("{\"id\":\"re_3\",\"status\":\"pending\"}")));
		assertThat(this.adapter.refund(refund)).isInstanceOf(RefundOutcome.Unknown.class);
		provider.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("nope")));
		assertThat(this.adapter.refund(refund)).isInstanceOf(RefundOutcome.Unknown.class);
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
