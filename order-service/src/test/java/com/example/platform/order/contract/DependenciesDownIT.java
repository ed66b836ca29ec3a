package com.example.platform.order.contract;

import java.time.Instant;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.ordering.CustomerReplica;
import com.example.platform.order.ordering.PaymentRequested;
import com.example.platform.order.reconciliation.OrderReconciler;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.OrderStatus;
import com.example.platform.support.events.EventTopics;
import com.example.platform.testing.jwt.TestTokenIssuer;
import com.example.platform.testing.kafka.TopicRecords;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.contract.stubrunner.spring.AutoConfigureStubRunner;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties.StubsMode;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What customers get when a service the order service needs is down: nothing stored and a
 * 503 when the user cannot be checked; a stored order when the customer is in the order
 * service's own replica; a stored order, a 202 and the charge requested by event when
 * only the payment service cannot be reached.
 */
class DependenciesDownIT {

	private static final String BODY = """
			{"items": [{"sku": "ESPRESSO-CUP", "quantity": 1}], "paymentMethod": "tok_visa"}""";

	static RestTestClient.ResponseSpec place(int port, String user, String key) {
		return place(port, user, key, BODY);
	}

	static RestTestClient.ResponseSpec place(int port, String user, String key, String body) {
		return RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.build()
			.post()
			.uri("/api/orders")
			.header("Authorization", "Bearer " + TestTokenIssuer.shared().userToken(UUID.fromString(user)))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	@Nested
	@OrderServiceIntegrationTest
	class UserServiceDown {

		@DynamicPropertySource
		static void nothingListens(DynamicPropertyRegistry registry) {
			int closed = ProviderStubs.freePort();
			registry.add("platform.orders.user-service.base-url", () -> "http://127.0.0.1:" + closed);
			registry.add("spring.security.oauth2.client.provider.platform.token-uri",
					() -> "http://127.0.0.1:" + closed + "/oauth2/token");
			// No service token can be had either, so no payment can be asked for.
			registry.add("platform.orders.payment-service.base-url", () -> "http://127.0.0.1:" + closed);
		}

		@LocalServerPort
		int port;

		@Autowired
		OrderRepository orders;

		@Autowired
		CustomerReplica customers;

		@Test
		void takesTheOrderOfACustomerInTheReplica() {
			UUID user = UUID.randomUUID();
			this.customers.registered(user, Instant.parse("2026-12-07T10:00:00Z"));

			Map<String, Object> order = place(this.port, user.toString(), UUID.randomUUID().toString()).expectStatus()
				.isAccepted()
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();

			// Stored and waiting for its payment, which the reconciler takes on later.
			assertThat(order).containsEntry("status", "PAYMENT_PENDING");
			assertThat(this.orders.findByUserNewestFirst(user, Pageable.unpaged())).hasSize(1);
		}

		@Test
		void answersServiceUnavailableStoresNothingAndFreesTheKey() {
			String user = UUID.randomUUID().toString();
			for (int attempt = 0; attempt < 2; attempt++) {
				place(this.port, user, "same-key").expectStatus()
					.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
					.expectHeader()
					.valueEquals("Retry-After", "5")
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo("https://platform.example/problems/dependency-unavailable");
			}
			assertThat(this.orders.findByUserNewestFirst(UUID.fromString(user), Pageable.unpaged())).isEmpty();
		}

	}

	@Nested
	@OrderServiceIntegrationTest
	@AutoConfigureStubRunner(stubsMode = StubsMode.CLASSPATH,
			httpServerStubConfigurer = ProviderStubs.LoopbackOnly.class)
	class PaymentServiceDown {

		@DynamicPropertySource
		static void onlyTheUserServiceAnswers(DynamicPropertyRegistry registry) {
			ProviderStubs.run(registry, ProviderStubs.userService(registry), 0);
			int closed = ProviderStubs.freePort();
			registry.add("platform.orders.payment-service.base-url", () -> "http://127.0.0.1:" + closed);
		}

		@LocalServerPort
		int port;

		@Autowired
		OrderRepository orders;

		@Autowired
		OrderReconciler reconciler;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		EventTopics topics;

		@Value("${spring.kafka.bootstrap-servers}")
		String bootstrapServers;

		@BeforeEach
		void nothingElseDue() {
			this.jdbc.sql("update orders set reconcile_after = null").update();
		}

		@Test
		void keepsTheOrderPendingAndAnswersAcceptedWithALocation() {
			Map<String, Object> order = place(this.port, ProviderStubs.KNOWN_USER, UUID.randomUUID().toString())
				.expectStatus()
				.isAccepted()
				.expectHeader()
				.valueMatches("Location", "/api/orders/[0-9a-f-]{36}")
				.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
				})
				.returnResult()
				.getResponseBody();
			assertThat(order).containsEntry("status", "PAYMENT_PENDING");
			UUID id = UUID.fromString(order.get("id").toString());
			// payment-service is asked for the charge by event, for when it is back.
			try (TopicRecords records = TopicRecords.of(this.bootstrapServers,
					this.topics.name(PaymentRequested.TOPIC))) {
				ConsumerRecord<String, byte[]> requested = records.await(
						record -> id.toString().equals(record.key())
								&& "PaymentRequested".equals(TopicRecords.header(record, "event-type")),
						Duration.ofSeconds(30));
				assertThat(TopicRecords.text(requested)).contains("\"idempotencyKey\":\"order-" + id + "\"");
			}

			// Reconciliation cannot finish either while the payment service is down: it
			// backs off.
			this.jdbc.sql("update orders set reconcile_after = now() - interval '1 second' where id = ?")
				.param(id)
				.update();
			assertThat(this.reconciler.reconcileDue()).isEqualTo(1);
			assertThat(this.orders.findById(id).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAYMENT_PENDING);
			assertThat(this.orders.findById(id).orElseThrow().getReconcileAfter()).isAfter(java.time.Instant.now());
		}

	}

}
