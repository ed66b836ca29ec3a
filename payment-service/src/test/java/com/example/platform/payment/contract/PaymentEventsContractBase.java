package com.example.platform.payment.contract;

import java.util.UUID;

import com.example.platform.payment.ApiClient;
import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.payment.PaymentRequests;
import com.example.platform.payment.PaymentServiceIntegrationTest;
import com.example.platform.testing.contract.KafkaContractMessaging;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.contract.verifier.messaging.boot.AutoConfigureMessageVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base class of the tests generated from {@code contracts/order-service/messaging}:
 * the whole service on the real broker. Each trigger charges through the HTTP API (the
 * PSP sandbox answers), so the event the test reads is the one the real outbox sent.
 */
@PaymentServiceIntegrationTest
@AutoConfigureMessageVerifier
@KafkaContractMessaging
public abstract class PaymentEventsContractBase {

	static final UUID USER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-0000000000aa");

	static final UUID APPROVED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000001");

	static final UUID DECLINED_ORDER = UUID.fromString("0e5e2a8c-2222-4aaa-8bbb-000000000002");

	@LocalServerPort
	int port;

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

	private void charge(UUID orderId, String paymentMethod, String expectedStatus) {
		Answer answer = new ApiClient(this.port).post("/api/payments",
				TestTokenIssuer.shared().serviceToken("order-service"), PaymentRequests.newKey(),
				PaymentRequests.createBody(orderId, USER, 2500, "EUR", paymentMethod));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		assertThat(answer.<String>json("$.status")).isEqualTo(expectedStatus);
	}

}
