package com.example.platform.e2e;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order and payment calls the journeys make, through the gateway, with the seeded
 * products of the price list.
 */
final class Shop {

	/** EUR 24.90 in the seeded price list. */
	static final String COFFEE_BEANS = "COFFEE-BEANS-1KG";

	/** EUR 9.00 in the seeded price list. */
	static final String ESPRESSO_CUP = "ESPRESSO-CUP";

	private Shop() {
	}

	/** Two bags of beans and a cup: EUR 58.80, 5880 minor units. */
	static Map<String, Object> beansAndCup(String paymentMethod) {
		return Map.of("items",
				List.of(Map.of("sku", COFFEE_BEANS, "quantity", 2), Map.of("sku", ESPRESSO_CUP, "quantity", 1)),
				"paymentMethod", paymentMethod);
	}

	static Gateway.Response placeOrder(Gateway gateway, String token, String idempotencyKey,
			Map<String, Object> order) {
		return gateway.post("/api/orders", token, order, Map.of("Idempotency-Key", idempotencyKey));
	}

	/** Places the order with a new key and expects the given status code. */
	static Gateway.Response placeOrder(Gateway gateway, String token, String paymentMethod, int expectedStatus) {
		Gateway.Response response = placeOrder(gateway, token, "e2e-" + UUID.randomUUID(), beansAndCup(paymentMethod));
		assertThat(response.status()).as("place order: %s", response).isEqualTo(expectedStatus);
		return response;
	}

}
