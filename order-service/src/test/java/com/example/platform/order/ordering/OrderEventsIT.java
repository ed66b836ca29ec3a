package com.example.platform.order.ordering;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.support.events.EventTopics;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The order events as the real outbox sends them to a real broker, from a real database:
 * each in the transaction of the change that raised it, keyed by the order id, in the
 * order of the changes, and never for a change that was rolled back.
 */
@OrderServiceIntegrationTest
class OrderEventsIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@MockitoBean
	PaymentGateway payments;

	@MockitoBean
	UserDirectory users;

	@Autowired
	OrderService service;

	@Autowired
	EventTopics topics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private final UUID userId = UUID.randomUUID();

	@BeforeEach
	void knownCustomer() {
		given(this.users.exists(any())).willReturn(true);
	}

	@Test
	void aPaidOrderPublishesItsPlacementThenItsPaymentKeyedByTheOrder() {
		UUID paymentId = UUID.randomUUID();
		given(this.payments.charge(any())).willReturn(new PaymentResult(paymentId, PaymentResult.State.APPROVED, null));

		OrderSnapshot order = place();

		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		List<JsonNode> events = events(order.id(), 2);
		assertThat(events).extracting(event -> event.get("type").stringValue())
			.containsExactly("OrderPlaced", "OrderPaid");
		JsonNode placed = events.get(0);
		assertThat(placed.get("version").intValue()).isEqualTo(1);
		assertThat(placed.get("aggregateId").stringValue()).isEqualTo(order.id().toString());
		assertThat(placed.at("/payload/orderId").stringValue()).isEqualTo(order.id().toString());
		assertThat(placed.at("/payload/userId").stringValue()).isEqualTo(this.userId.toString());
		assertThat(placed.at("/payload/total/amount").longValue()).isEqualTo(2 * 2490 + 900);
		assertThat(placed.at("/payload/total/currency").stringValue()).isEqualTo("EUR");
		assertThat(placed.at("/payload/lines/0/sku").stringValue()).isEqualTo("COFFEE-BEANS-1KG");
		assertThat(placed.at("/payload/lines/0/quantity").intValue()).isEqualTo(2);
		assertThat(placed.at("/payload/placedAt").isMissingNode()).isFalse();
		assertThat(events.get(1).at("/payload/paymentId").stringValue()).isEqualTo(paymentId.toString());
	}

	@Test
	void aDeclinedOrderPublishesOnlyItsPlacement() {
		given(this.payments.charge(any()))
			.willReturn(new PaymentResult(UUID.randomUUID(), PaymentResult.State.DECLINED, "card_declined"));

		OrderSnapshot order = place();

		assertThat(order.status()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
		assertThat(events(order.id(), 1)).extracting(event -> event.get("type").stringValue())
			.containsExactly("OrderPlaced");
		// Every event goes through the outbox: it stored nothing else for this order.
		assertThat(stored(order.id())).isEqualTo(1);
	}

	@Test
	void aCancellationPublishesTheCancelledOrder() {
		given(this.payments.charge(any()))
			.willReturn(new PaymentResult(UUID.randomUUID(), PaymentResult.State.DECLINED, "card_declined"));
		OrderSnapshot order = place();

		Order cancelled = this.service.cancel(order.id(), this.userId);

		assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.CANCELLED);
		List<JsonNode> events = events(order.id(), 2);
		assertThat(events).extracting(event -> event.get("type").stringValue())
			.containsExactly("OrderPlaced", "OrderCancelled");
		assertThat(events.get(1).at("/payload/refundId").isNull()).isTrue();
	}

	@Test
	void aChangeRolledBackPublishesNothing() {
		given(this.payments.charge(any()))
			.willReturn(new PaymentResult(UUID.randomUUID(), PaymentResult.State.DECLINED, "card_declined"));
		OrderSnapshot order = place();

		this.transactions.executeWithoutResult(status -> {
			this.service.cancel(order.id(), this.userId);
			status.setRollbackOnly();
		});
		assertThat(this.service.find(order.id(), this.userId).getStatus()).isEqualTo(OrderStatus.PAYMENT_DECLINED);
		// Cancelled for real now: its event is the only cancellation on the order's
		// partition, behind the placement.
		this.service.cancel(order.id(), this.userId);

		assertThat(events(order.id(), 2)).extracting(event -> event.get("type").stringValue())
			.containsExactly("OrderPlaced", "OrderCancelled");
		assertThat(stored(order.id())).isEqualTo(2);
	}

	private OrderSnapshot place() {
		return this.service.place(this.userId, new IdempotencyKey("key-" + UUID.randomUUID()), List
			.of(new OrderRules.RequestedLine("COFFEE-BEANS-1KG", 2), new OrderRules.RequestedLine("ESPRESSO-CUP", 1)),
				"tok_visa");
	}

	/**
	 * The order's events on the topic once {@code count} have arrived, and whatever else
	 * for it arrived meanwhile, in the order of its partition.
	 */
	private List<JsonNode> events(UUID orderId, int count) {
		String key = orderId.toString();
		try (TopicRecords records = TopicRecords.of(this.bootstrapServers, this.topics.name(OrderEvent.TOPIC))) {
			List<ConsumerRecord<String, byte[]>> ofOrder = await().atMost(WAIT)
				.until(() -> records.seen().stream().filter(record -> key.equals(record.key())).toList(),
						found -> found.size() >= count);
			assertThat(ofOrder).allSatisfy(record -> {
				assertThat(TopicRecords.header(record, "event-version")).isEqualTo("1");
				assertThat(TopicRecords.header(record, "event-type"))
					.isEqualTo(this.json.readTree(record.value()).get("type").stringValue());
			});
			return ofOrder.stream().map(record -> this.json.readTree(record.value())).toList();
		}
	}

	/** How many events the outbox stored for the order. */
	private long stored(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
			.param("%\"aggregateId\":\"" + orderId + "\"%")
			.query(Long.class)
			.single();
	}

}
