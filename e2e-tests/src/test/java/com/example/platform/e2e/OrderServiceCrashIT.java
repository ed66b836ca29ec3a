package com.example.platform.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service is killed (SIGKILL: no shutdown, requests cut off mid-way) while
 * customers keep ordering, and started again. Customers retry what got no answer with the
 * same idempotency key, as a client must: afterwards every order they were told about is
 * paid, each charged exactly once, and no retry made a second order.
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class OrderServiceCrashIT {

	private static final int CUSTOMERS = 3;

	private static final int ORDERS_EACH = 10;

	@Test
	void everyAcknowledgedOrderIsPaidOnceAfterOrderServiceIsKilledUnderLoad(Gateway gateway, PlatformUnderTest platform)
			throws Exception {
		LocalPlatform local = platform.local();
		PspSandbox sandbox = new PspSandbox(local.url(PlatformServices.PSP_SANDBOX));
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			tokens.add(gateway.newUserToken());
		}
		// order id -> its customer's token, for every order placement acknowledged
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		Set<Integer> refusals = ConcurrentHashMap.newKeySet();
		List<Future<?>> customers = new ArrayList<>();
		try (ExecutorService load = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String token : tokens) {
				customers.add(load.submit(() -> {
					for (int i = 0; i < ORDERS_EACH; i++) {
						JsonNode order = Shop.placeUntilAcknowledged(gateway, token, "tok_visa", refusals);
						acknowledged.put(order.get("id").asString(), token);
					}
				}));
			}
			await("orders flowing before the crash").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> acknowledged.size() >= CUSTOMERS * 2);
			local.killService(PlatformServices.ORDER_SERVICE);
			local.startService(PlatformServices.ORDER_SERVICE);
			for (Future<?> customer : customers) {
				customer.get();
			}
		}
		System.out.printf("OrderServiceCrashIT: %d orders acknowledged; answers retried meanwhile: %s%n",
				acknowledged.size(), refusals);
		assertThat(refusals).as("answers other than 201/202 were only the outage's").isSubsetOf(409, 502, 503, 504);

		assertThat(acknowledged).hasSize(CUSTOMERS * ORDERS_EACH);
		acknowledged.forEach((orderId, token) -> {
			JsonNode paid = await("order " + orderId + " paid").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> gateway.get("/api/orders/" + orderId, token).json(),
						order -> "PAID".equals(order.get("status").asString()));
			JsonNode payments = gateway.get("/api/payments?orderId=" + orderId, token).json();
			assertThat(payments).as("payments of order %s", orderId).hasSize(1);
			assertThat(sandbox.chargesFor(paid.get("paymentId").asString())).as("charges of order %s", orderId)
				.isEqualTo(1);
		});
		for (String token : tokens) {
			JsonNode orders = gateway.get("/api/orders?size=100", token).json();
			assertThat(orders.get("items")).as("no retry made a second order").hasSize(ORDERS_EACH);
		}
	}

}
