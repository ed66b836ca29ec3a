package com.example.platform.e2e;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static com.example.platform.e2e.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's journeys through the gateway: the public price list, a paid order and its
 * payment, a declined card, a cancellation with its refund, and privacy between
 * customers.
 */
@ExtendWith(PlatformExtension.class)
class OrderJourneyIT {

	@Test
	void browsesProductsPlacesAPaidOrderAndSeesItsPayment(Gateway gateway) {
		Gateway.Response products = gateway.get("/api/products", null);
		assertThat(products.status()).as("%s", products).isEqualTo(200);
		assertThat(products.body()).contains(Shop.COFFEE_BEANS, Shop.ESPRESSO_CUP);
		Gateway.Response beans = gateway.get("/api/products/" + Shop.COFFEE_BEANS, null);
		assertThat(beans.status()).as("%s", beans).isEqualTo(200);
		assertThat(beans.json().get("unitPrice").get("amount").asLong()).isEqualTo(2490);
		assertThat(beans.json().get("unitPrice").get("currency").asString()).isEqualTo("EUR");

		String token = gateway.newUserToken();
		JsonNode order = Shop.placeOrder(gateway, token, "tok_visa", 201).json();
		assertThat(order.get("status").asString()).isEqualTo("PAID");
		assertThat(order.get("total").get("amount").asLong()).isEqualTo(2 * 2490 + 900);
		assertThat(order.get("total").get("currency").asString()).isEqualTo("EUR");
		String orderId = order.get("id").asString();
		String paymentId = order.get("paymentId").asString();

		Gateway.Response read = gateway.get("/api/orders/" + orderId, token);
		assertThat(read.status()).as("%s", read).isEqualTo(200);
		assertThat(read.json().get("status").asString()).isEqualTo("PAID");

		Gateway.Response payments = gateway.get("/api/payments?orderId=" + orderId, token);
		assertThat(payments.status()).as("%s", payments).isEqualTo(200);
		assertThat(payments.json()).hasSize(1);
		JsonNode payment = payments.json().get(0);
		assertThat(payment.get("id").asString()).isEqualTo(paymentId);
		assertThat(payment.get("status").asString()).isEqualTo("APPROVED");
		assertThat(payment.get("amount").get("amount").asLong()).isEqualTo(5880);
	}

	@Test
	void declinedCardLeavesTheOrderPaymentDeclined(Gateway gateway) {
		String token = gateway.newUserToken();
		JsonNode order = Shop.placeOrder(gateway, token, "tok_chargeDeclined", 201).json();
		assertThat(order.get("status").asString()).isEqualTo("PAYMENT_DECLINED");
		assertThat(order.get("declineCode").asString()).isEqualTo("card_declined");
	}

	@Test
	void cancellingAPaidOrderRefundsIt(Gateway gateway) {
		String token = gateway.newUserToken();
		String orderId = Shop.placeOrder(gateway, token, "tok_visa", 201).json().get("id").asString();

		Gateway.Response cancelled = gateway.post("/api/orders/" + orderId + "/cancel", token, Map.of(), Map.of());
		assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("refundId").isNull()).isFalse();
		assertThat(cancelled.json().get("refundId").asString()).isNotBlank();

		Gateway.Response again = gateway.post("/api/orders/" + orderId + "/cancel", token, Map.of(), Map.of());
		assertThat(again.status()).as("%s", again).isEqualTo(200);
		assertThat(again.json().get("refundId").asString()).isEqualTo(cancelled.json().get("refundId").asString());
	}

	@Test
	void anotherCustomerCannotSeeTheOrder(Gateway gateway) {
		String owner = gateway.newUserToken();
		String orderId = Shop.placeOrder(gateway, owner, "tok_visa", 201).json().get("id").asString();

		String stranger = gateway.newUserToken();
		assertProblem(gateway.get("/api/orders/" + orderId, stranger), 404, "not-found");
		Gateway.Response list = gateway.get("/api/orders", stranger);
		assertThat(list.status()).as("%s", list).isEqualTo(200);
		assertThat(list.body()).doesNotContain(orderId);
	}

	@Test
	void ordersNeedAToken(Gateway gateway) {
		assertProblem(gateway.get("/api/orders", null), 401, "unauthenticated");
		assertProblem(Shop.placeOrder(gateway, null, "e2e-no-token", Shop.beansAndCup("tok_visa")), 401,
				"unauthenticated");
	}

}
