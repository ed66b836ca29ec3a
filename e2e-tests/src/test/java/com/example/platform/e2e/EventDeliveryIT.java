package com.example.platform.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away while orders are placed and their payments settle: clients see no
 * difference, the events wait in payment-service's outbox, and once the broker is back
 * every one of them arrives, order-service reads them all, and nothing happens twice (one
 * charge per payment, every order as it was answered).
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class EventDeliveryIT {

	private static final String PAYMENTS_TOPIC = "payments.v1";

	@Test
	void eventsStoredWhileTheBrokerIsDownArriveOnceItIsBackAndNothingHappensTwice(Gateway gateway,
			PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		PspSandbox sandbox = new PspSandbox(local.url(PlatformServices.PSP_SANDBOX));
		Gateway paymentService = new Gateway(local.managementUrl(PlatformServices.PAYMENT_SERVICE));
		EventLog events = new EventLog("127.0.0.1:" + local.process(PlatformServices.KAFKA).port());
		String token = gateway.newUserToken();
		// The platform pays an order before the outage (so what follows does not time
		// out on a cold start of the first test).
		Shop.placeUntilAcknowledged(gateway, token, "tok_visa", new HashSet<>());
		await("payment-service's outbox empty before the outage").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> Meters.value(paymentService, "events.outbox.backlog") == 0.0);

		// order id -> the status its placement answered, which must also be its last
		Map<String, String> answered = new LinkedHashMap<>();
		Map<String, String> paymentOf = new LinkedHashMap<>();
		local.stopService(PlatformServices.KAFKA);
		try {
			for (int i = 0; i < 4; i++) {
				record(Shop.placeOrder(gateway, token, "tok_visa", 201).json(), "PAID", answered, paymentOf);
			}
			for (int i = 0; i < 2; i++) {
				record(Shop.placeOrder(gateway, token, "tok_chargeDeclined", 201).json(), "PAYMENT_DECLINED", answered,
						paymentOf);
			}
			// Every settlement's event is stored, none acknowledged by a broker.
			assertThat(Meters.value(paymentService, "events.outbox.backlog")).isGreaterThanOrEqualTo(answered.size());
		}
		finally {
			local.startService(PlatformServices.KAFKA);
		}
		long back = System.nanoTime();

		await("payment-service's outbox drained after the broker's return").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> Meters.value(paymentService, "events.outbox.backlog") == 0.0);
		System.out.printf("EventDeliveryIT: %d events held while the broker was down; outbox drained %d ms after "
				+ "its return%n", answered.size(), Duration.ofNanos(System.nanoTime() - back).toMillis());
		Map<String, List<JsonNode>> settled = settlementsByOrder(events.events(PAYMENTS_TOPIC), answered.keySet());
		assertThat(settled).as("a PaymentSettled for every order").containsOnlyKeys(answered.keySet());
		settled.forEach((orderId, copies) -> {
			// At least once on the wire: a copy may be sent again, never a second event.
			assertThat(copies.stream().map(event -> event.get("eventId").asString()).distinct())
				.as("events of order %s", orderId)
				.hasSize(1);
			JsonNode payload = copies.get(0).get("payload");
			assertThat(payload.get("paymentId").asString()).isEqualTo(paymentOf.get(orderId));
			assertThat(payload.get("status").asString())
				.isEqualTo("PAID".equals(answered.get(orderId)) ? "APPROVED" : "DECLINED");
		});
		await("order-service read every payment event").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> events.lag(PlatformServices.ORDER_SERVICE, PAYMENTS_TOPIC) == 0);

		answered.forEach((orderId, status) -> {
			JsonNode order = gateway.get("/api/orders/" + orderId, token).json();
			assertThat(order.get("status").asString()).as("order %s", orderId).isEqualTo(status);
			assertThat(sandbox.chargesFor(paymentOf.get(orderId))).as("charges of order %s", orderId).isEqualTo(1);
		});
	}

	private static void record(JsonNode order, String status, Map<String, String> answered,
			Map<String, String> paymentOf) {
		assertThat(order.get("status").asString()).as("%s", order).isEqualTo(status);
		answered.put(order.get("id").asString(), status);
		paymentOf.put(order.get("id").asString(), order.get("paymentId").asString());
	}

	private static Map<String, List<JsonNode>> settlementsByOrder(List<JsonNode> events, Set<String> orderIds) {
		return events.stream()
			.filter(event -> "PaymentSettled".equals(event.get("type").asString()))
			.filter(event -> orderIds.contains(event.get("payload").get("orderId").asString()))
			.collect(Collectors.groupingBy(event -> event.get("payload").get("orderId").asString(), LinkedHashMap::new,
					Collectors.toCollection(ArrayList::new)));
	}

}
