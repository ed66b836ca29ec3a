package com.example.platform.payment.contract;

import java.util.UUID;

import com.example.platform.payment.ApiClient;
import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.payment.PaymentRequests;
import com.example.platform.payment.PaymentServiceIntegrationTest;
import com.example.platform.payment.PspStub;
import com.example.platform.testing.contract.KafkaContractMessaging;
import com.example.platform.testing.contract.TopicMessageReceiver;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.contract.verifier.messaging.boot.AutoConfigureMessageVerifier;
import org.springframework.cloud.contract.verifier.messaging.internal.ContractVerifierMessage;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base class of the tests generated from {@code contracts/order-service/messaging}:
 * the whole service on the real broker. Each trigger charges through the HTTP API (the
 * PSP sandbox answers), so the event the test reads is the one the real outbox sent. The
 * refund triggers charge first and read that charge's {@code PaymentSettled} themselves,
 * so the generated test reads the refund's event.
 */
@PaymentServiceIntegrationTest
@AutoConfigureMessageVerifier
@KafkaContractMessaging
public abstract class PaymentEventsContractBase {

	static final UUID USER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-0000000000aa");

	static final UUID APPROVED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000001");

	static final UUID DECLINED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000002");

	static final UUID REFUNDED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000003");

	static final UUID REFUND_REFUSED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000004");

	@LocalServerPort
	int port;

	@Autowired
	TopicMessageReceiver messages;

	/**
	 * Charges {@link #APPROVED_ORDER} with a card the provider approves.
	 */
	public void settleApprovedPayment() {
		charge(APPROVED_ORDER, "tok_visa", "APPROVED");
	}

	/**
	 * Charges {@link #DECLINED_ORDER} with a card the provider declines.
	 */
	public void settleDeclinedPayment() {
		charge(DECLINED_ORDER, "tok_chargeDeclined", "DECLINED");
	}

	/**
	 * Pays {@link #REFUNDED_ORDER} and refunds it in full; the provider makes the refund.
	 */
	public void settleSucceededRefund() {
		refund(charge(REFUNDED_ORDER, "tok_visa", "APPROVED"), "SUCCEEDED");
	}

	/**
	 * Pays {@link #REFUND_REFUSED_ORDER} and refunds it in full; the provider refuses the
	 * refund.
	 */
	public void settleFailedRefund() {
		String paymentId = charge(REFUND_REFUSED_ORDER, "tok_visa", "APPROVED");
		PspStub.server()
			.stubFor(post(urlEqualTo("/v1/refunds")).atPriority(1)
				.withRequestBody(matchingJsonPath("$.charge", equalTo("ch_visa_" + paymentId)))
				.willReturn(
						okJson("{\"id\":\"re_refused\",\"status\":\"failed\",\"failure_code\":\"charge_disputed\"}")));
		refund(paymentId, "FAILED");
	}

	private String charge(UUID orderId, String paymentMethod, String expectedStatus) {
		Answer answer = new ApiClient(this.port).post("/api/payments", serviceToken(), PaymentRequests.newKey(),
				PaymentRequests.createBody(orderId, USER, 2500, "EUR", paymentMethod));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.<String>json("$.status")).isEqualTo(expectedStatus);
		return answer.json("$.id");
	}

	private void refund(String paymentId, String expectedStatus) {
		// The charge's PaymentSettled is on the topic first: read it here, so that the
		// generated test reads the refund's event (and the refund follows it there).
		ContractVerifierMessage charged = this.messages.receive("payments.v1", null);
		assertThat(charged).isNotNull();
		assertThat(charged.getHeader("event-type")).isEqualTo("PaymentSettled");
		assertThat(charged.getHeader("kafka_messageKey")).isEqualTo(paymentId);
		Answer answer = new ApiClient(this.port).post("/api/payments/" + paymentId + "/refunds", serviceToken(),
				PaymentRequests.newKey(), PaymentRequests.refundBody(2500, "EUR"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.<String>json("$.status")).isEqualTo(expectedStatus);
	}

	private static String serviceToken() {
		return TestTokenIssuer.shared().serviceToken("order-service");
	}

}
