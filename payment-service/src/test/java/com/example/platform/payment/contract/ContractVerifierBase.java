package com.example.platform.payment.contract;

import java.util.UUID;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;

import com.example.platform.payment.ApiClient;
import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.payment.PaymentServiceIntegrationTest;
import com.example.platform.payment.PaymentRequests;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one base class of the tests generated from {@code contracts/}: the whole service
 * over real HTTP with real PostgreSQL, real token checks and the PSP sandbox as provider.
 * It arranges the state some contracts start from (a payment to replay, to refund...).
 */
@PaymentServiceIntegrationTest
public abstract class ContractVerifierBase {

	static final UUID USER = UUID.fromString("7d5b0e7e-0000-4000-8000-0000000000aa");

	static final UUID REPLAYED_ORDER = UUID.fromString("7d5b0e7e-0000-4000-8000-000000000001");

	static final UUID REUSED_KEY_ORDER = UUID.fromString("7d5b0e7e-0000-4000-8000-000000000002");

	static final UUID LISTED_ORDER = UUID.fromString("7d5b0e7e-0000-4000-8000-000000000003");

	static final UUID REFUNDED_PAYMENT = UUID.fromString("7d5b0e7e-0000-4000-8000-000000000004");

	static final UUID OVER_REFUNDED_PAYMENT = UUID.fromString("7d5b0e7e-0000-4000-8000-000000000005");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void arrange() {
		RestAssured.baseURI = "http://127.0.0.1";
		RestAssured.port = this.port;
		// Idempotent themselves: the same key and body each time.
		seed("order-" + REPLAYED_ORDER + "-payment", REPLAYED_ORDER, 2500);
		seed("order-" + REUSED_KEY_ORDER + "-payment", REUSED_KEY_ORDER, 1000);
		seed("order-" + LISTED_ORDER + "-payment", LISTED_ORDER, 2500);
		approvedPayment(REFUNDED_PAYMENT, 5000);
		approvedPayment(OVER_REFUNDED_PAYMENT, 1000);
	}

	/**
	 * @return an {@code Authorization} value with a service token (scope internal)
	 */
	public String internalToken() {
		return "Bearer " + TestTokenIssuer.shared().serviceToken("order-service");
	}

	/**
	 * @return a fresh idempotency key
	 */
	public String newKey() {
		return PaymentRequests.newKey();
	}

	private void seed(String key, UUID orderId, long amount) {
		Answer answer = new ApiClient(this.port).post("/api/payments",
				TestTokenIssuer.shared().serviceToken("order-service"), key,
				PaymentRequests.createBody(orderId, USER, amount, "EUR", "tok_visa"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
	}

	private void approvedPayment(UUID id, long amount) {
		this.jdbc.sql("""
				insert into payment (id, order_id, user_id, amount, currency, payment_method, status,
				  provider_charge_id, attempts, created_at, updated_at)
				values (?, ?, ?, ?, 'EUR', 'tok_visa', 'APPROVED', ?, 0, now(), now())
				on conflict (id) do nothing""").params(id, UUID.randomUUID(), USER, amount, "ch_visa_" + id).update();
	}

}
