package com.example.platform.e2e;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money is never moved twice: a replayed order request charges once (the PSP sandbox's
 * request journal counts the charges), and an order placed while payment-service is down
 * is paid once it is back, without a new request, with one charge (by whichever of the
 * event path and reconciliation gets there first; {@link OrderPaidByEventIT} holds the
 * reconciler off to show the event path alone).
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class OrderRecoveryIT {

	@Test
	void replayingTheIdempotencyKeyReturnsTheSameOrderAndChargesOnce(Gateway gateway, PlatformUnderTest platform) {
		PspSandbox sandbox = new PspSandbox(platform.local().url(PlatformServices.PSP_SANDBOX));
		String token = gateway.newUserToken();
		String key = "e2e-" + UUID.randomUUID();

		Gateway.Response first = Shop.placeOrder(gateway, token, key, Shop.beansAndCup("tok_visa"));
		assertThat(first.status()).as("%s", first).isEqualTo(201);
		Gateway.Response replay = Shop.placeOrder(gateway, token, key, Shop.beansAndCup("tok_visa"));
		assertThat(replay.status()).as("%s", replay).isEqualTo(201);

		assertThat(replay.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(replay.json().get("status").asString()).isEqualTo("PAID");
		Gateway.Response orders = gateway.get("/api/orders", token);
		assertThat(orders.status()).as("%s", orders).isEqualTo(200);
		assertThat(orders.json().get("items")).as("%s", orders).hasSize(1);
		assertThat(sandbox.chargesFor(first.json().get("paymentId").asString())).isEqualTo(1);
	}

	@Test
	void anOrderPlacedWhilePaymentServiceIsDownIsPaidByReconciliationOnce(Gateway gateway, PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		PspSandbox sandbox = new PspSandbox(local.url(PlatformServices.PSP_SANDBOX));
		String token = gateway.newUserToken();

		local.stopService(PlatformServices.PAYMENT_SERVICE);
		String orderId;
		try {
			Gateway.Response pending = Shop.placeOrder(gateway, token, "tok_visa", 202);
			assertThat(pending.json().get("status").asString()).isEqualTo("PAYMENT_PENDING");
			assertThat(pending.headers()).containsKey("location");
			orderId = pending.json().get("id").asString();
			assertThat(gateway.get("/api/orders/" + orderId, token).json().get("status").asString())
				.isEqualTo("PAYMENT_PENDING");
		}
		finally {
			local.startService(PlatformServices.PAYMENT_SERVICE);
		}

		// No new request: payment-service charges it on order-service's PaymentRequested,
		// or the order service's reconciler does, with the same key.
		JsonNode paid = await("order " + orderId + " paid once payment-service is back").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> gateway.get("/api/orders/" + orderId, token).json(),
					order -> "PAID".equals(order.get("status").asString()));
		String paymentId = paid.get("paymentId").asString();
		assertThat(sandbox.chargesFor(paymentId)).isEqualTo(1);
		Gateway.Response payments = gateway.get("/api/payments?orderId=" + orderId, token);
		assertThat(payments.status()).as("%s", payments).isEqualTo(200);
		assertThat(payments.json()).hasSize(1);

		// After the outage order-service's circuit breaker judges the calls of the last
		// 10 s: it may be open (then it fails fast for 10 s and tries again), and while
		// the outage's failures are in its window a few more calls can still trip it.
		// Wait until it is closed with no failure left, so the next tests see a healthy
		// platform.
		Gateway orderService = new Gateway(local.managementUrl(PlatformServices.ORDER_SERVICE));
		await("new orders paid at once, and the payment-service breaker closed with no failure in its window")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> Shop.placeOrder(gateway, token, "e2e-" + UUID.randomUUID(), Shop.beansAndCup("tok_visa"))
				.status() == 201 && paymentBreakerSettled(orderService));
	}

	private static boolean paymentBreakerSettled(Gateway orderService) {
		double closed = Meters.value(orderService, "resilience4j.circuitbreaker.state", "name:payment-service",
				"state:closed");
		double failed = Meters.value(orderService, "resilience4j.circuitbreaker.buffered.calls", "name:payment-service",
				"kind:failed");
		return closed == 1.0 && failed == 0.0;
	}

}
