package com.example.platform.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformDatabase;
import com.example.platform.local.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order placed while payment-service is down is paid through events as soon as
 * payment-service is back: order-service's {@code PaymentRequested}, stored with the
 * order when the charge could not be made, is charged by payment-service when it reads
 * it, and its {@code PaymentSettled} pays the order. The reconciler is held off this
 * order (its next look moved an hour ahead, which it cannot reach within the test's
 * deadline), so only the event path can have paid it; the order-service's mark of the
 * {@code PaymentSettled} event it applied says the same from the other side.
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class OrderPaidByEventIT {

	/**
	 * Far beyond the deadline below: the reconciler does not look at the order before.
	 */
	private static final Duration RECONCILER_HELD_OFF = Duration.ofHours(1);

	/** payment-service's consumer joins its group and reads the request within this. */
	private static final Duration EVENT_PATH_DEADLINE = Duration.ofSeconds(60);

	@Test
	void anOrderPlacedWhilePaymentServiceIsDownIsPaidByEventsOnceItIsBack(Gateway gateway, PlatformUnderTest platform)
			throws SQLException {
		LocalPlatform local = platform.local();
		PspSandbox sandbox = new PspSandbox(local.url(PlatformServices.PSP_SANDBOX));
		String token = gateway.newUserToken();

		local.stopService(PlatformServices.PAYMENT_SERVICE);
		String orderId;
		Instant ready;
		try {
			Gateway.Response pending = Shop.placeOrder(gateway, token, "tok_visa", 202);
			assertThat(pending.json().get("status").asString()).isEqualTo("PAYMENT_PENDING");
			assertThat(pending.headers()).containsKey("location");
			orderId = pending.json().get("id").asString();
			holdOffReconciliation(local, UUID.fromString(orderId));
		}
		finally {
			local.startService(PlatformServices.PAYMENT_SERVICE);
			ready = Instant.now();
		}
		assertThat(nextReconciliation(local, UUID.fromString(orderId))).as("the reconciler is still held off")
			.isAfter(ready.plus(EVENT_PATH_DEADLINE));

		JsonNode paid = await("order " + orderId + " paid through events").atMost(EVENT_PATH_DEADLINE)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> gateway.get("/api/orders/" + orderId, token).json(),
					order -> "PAID".equals(order.get("status").asString()));
		Duration observed = Duration.between(ready, Instant.now());
		Duration committed = Duration.between(ready, Instant.parse(paid.get("updatedAt").asString()));
		System.out.printf(
				"Order %s paid through events %d ms after payment-service was ready (committed after %d ms)%n", orderId,
				observed.toMillis(), committed.toMillis());

		String paymentId = paid.get("paymentId").asString();
		assertThat(sandbox.chargesFor(paymentId)).isEqualTo(1);
		assertThat(settlementAppliedByOrderService(local, paymentId))
			.as("order-service applied payment-service's PaymentSettled (marked with its effect)")
			.isTrue();
	}

	/**
	 * Moves the order's next reconciliation an hour ahead. A reconciliation attempt in
	 * flight while it is moved (every second here, failing while payment-service is down)
	 * stores its own backoff over it, so it is moved until it stays.
	 */
	private static void holdOffReconciliation(LocalPlatform local, UUID orderId) {
		await("reconciliation of order " + orderId + " held off").atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> {
				if (nextReconciliation(local, orderId).isAfter(Instant.now().plus(RECONCILER_HELD_OFF.dividedBy(2)))) {
					return true;
				}
				try (Connection admin = local.database().adminConnection(PlatformDatabase.DATABASE);
						PreparedStatement update = admin.prepareStatement(
								"update orders.orders set reconcile_after = ?, version = version + 1 where id = ?")) {
					update.setTimestamp(1, Timestamp.from(Instant.now().plus(RECONCILER_HELD_OFF)));
					update.setObject(2, orderId);
					assertThat(update.executeUpdate()).isEqualTo(1);
				}
				return false;
			});
	}

	private static Instant nextReconciliation(LocalPlatform local, UUID orderId) throws SQLException {
		try (Connection admin = local.database().adminConnection(PlatformDatabase.DATABASE);
				PreparedStatement select = admin
					.prepareStatement("select reconcile_after from orders.orders where id = ?")) {
			select.setObject(1, orderId);
			try (ResultSet rows = select.executeQuery()) {
				assertThat(rows.next()).isTrue();
				Timestamp next = rows.getTimestamp(1);
				return (next != null) ? next.toInstant() : Instant.MIN;
			}
		}
	}

	/**
	 * Whether order-service marked payment-service's {@code PaymentSettled} of the
	 * payment as processed: it does so only when the event changed the order, not when
	 * the order already had the outcome.
	 */
	private static boolean settlementAppliedByOrderService(LocalPlatform local, String paymentId) throws SQLException {
		try (Connection admin = local.database().adminConnection(PlatformDatabase.DATABASE);
				PreparedStatement events = admin.prepareStatement(
						"select serialized_event from payments.event_publication where serialized_event like ?");
				PreparedStatement processed = admin
					.prepareStatement("select count(*) from orders.processed_event where event_id = ?")) {
			events.setString(1, "%\"aggregateId\":\"" + paymentId + "\"%");
			String eventId;
			try (ResultSet rows = events.executeQuery()) {
				assertThat(rows.next()).as("payment-service published the settlement").isTrue();
				eventId = JsonMapper.builder().build().readTree(rows.getString(1)).get("eventId").asString();
			}
			processed.setObject(1, UUID.fromString(eventId));
			try (ResultSet rows = processed.executeQuery()) {
				rows.next();
				return rows.getLong(1) == 1;
			}
		}
	}

}
