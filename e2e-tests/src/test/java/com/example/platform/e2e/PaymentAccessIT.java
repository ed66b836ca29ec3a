package com.example.platform.e2e;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.example.platform.e2e.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments through the gateway: customers read their own payments, nobody else's, and
 * cannot create one themselves (only the order service can, with its service token).
 */
@ExtendWith(PlatformExtension.class)
class PaymentAccessIT {

	@Test
	void aCustomerReadsTheirOwnPaymentButNotAnotherCustomers(Gateway gateway) {
		String owner = gateway.newUserToken();
		JsonNode order = Shop.placeOrder(gateway, owner, "tok_visa", 201).json();
		String orderId = order.get("id").asString();
		String paymentId = order.get("paymentId").asString();

		Gateway.Response own = gateway.get("/api/payments/" + paymentId, owner);
		assertThat(own.status()).as("%s", own).isEqualTo(200);
		assertThat(own.json().get("orderId").asString()).isEqualTo(orderId);
		assertThat(own.json().get("status").asString()).isEqualTo("APPROVED");

		String stranger = gateway.newUserToken();
		assertProblem(gateway.get("/api/payments/" + paymentId, stranger), 404, "not-found");
		assertProblem(gateway.get("/api/payments?orderId=" + orderId, stranger), 404, "not-found");
	}

	@Test
	void aCustomerCannotCreateAPayment(Gateway gateway) {
		String token = gateway.newUserToken();
		Map<String, Object> payment = Map.of("orderId", UUID.randomUUID().toString(), "userId",
				UUID.randomUUID().toString(), "amount", Map.of("amount", 100, "currency", "EUR"), "paymentMethod",
				"tok_visa");
		assertProblem(
				gateway.post("/api/payments", token, payment, Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID())),
				403, "forbidden");
	}

	@Test
	void paymentsNeedAToken(Gateway gateway) {
		assertProblem(gateway.get("/api/payments/" + UUID.randomUUID(), null), 401, "unauthenticated");
	}

}
