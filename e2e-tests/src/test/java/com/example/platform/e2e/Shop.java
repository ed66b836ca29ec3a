package com.example.platform.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

	/**
	 * Places one order and, as a client must, repeats the request with the same key until
	 * it is acknowledged (201 or 202), noting every other answer in {@code refusals}:
	 * while a service is down or starts the gateway answers 502, 503 or 504, and a
	 * request whose first attempt died mid-way may be answered 409 until its lease runs
	 * out.
	 */
	static JsonNode placeUntilAcknowledged(Gateway gateway, String token, String paymentMethod, Set<Integer> refusals) {
		String key = "e2e-" + UUID.randomUUID();
		AtomicReference<JsonNode> order = new AtomicReference<>();
		await("order " + key + " acknowledged").atMost(Duration.ofSeconds(120))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				Gateway.Response response;
				try {
					response = placeOrder(gateway, token, key, beansAndCup(paymentMethod));
				}
				catch (IllegalStateException ex) {
					// no answer at all: the connection was cut
					return false;
				}
				if (response.status() == 201 || response.status() == 202) {
					order.set(response.json());
					return true;
				}
				refusals.add(response.status());
				return false;
			});
		return order.get();
	}

}
