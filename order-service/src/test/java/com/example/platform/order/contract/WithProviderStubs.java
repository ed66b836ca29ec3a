package com.example.platform.order.contract;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.testing.contract.KafkaContractMessaging;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.cloud.contract.stubrunner.spring.AutoConfigureStubRunner;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties.StubsMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole order service with the user and payment services replaced by the stubs
 * generated from their contracts: their HTTP answers, and the payment service's events,
 * sent to the real broker when a test triggers them. Subclasses share one application
 * context (the payment stubs' port is fixed per JVM).
 */
@OrderServiceIntegrationTest
@AutoConfigureStubRunner(stubsMode = StubsMode.CLASSPATH, httpServerStubConfigurer = ProviderStubs.LoopbackOnly.class)
@KafkaContractMessaging
abstract class WithProviderStubs {

	static final int PAYMENT_STUBS = ProviderStubs.freePort();

	@DynamicPropertySource
	static void stubs(DynamicPropertyRegistry registry) {
		ProviderStubs.run(registry, ProviderStubs.userService(registry), PAYMENT_STUBS);
	}

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void connect() {
		this.client = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	static String token(String user) {
		return TestTokenIssuer.shared().userToken(UUID.fromString(user));
	}

	RestTestClient.ResponseSpec place(String user, String key, String paymentMethod) {
		return this.client.post()
			.uri("/api/orders")
			.header("Authorization", "Bearer " + token(user))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"items": [{"sku": "COFFEE-BEANS-1KG", "quantity": 2}, {"sku": "ESPRESSO-CUP", "quantity": 1}],
					 "paymentMethod": "%s"}""".formatted(paymentMethod))
			.exchange();
	}

	int chargesFor(String orderId) {
		Map<String, Object> found = RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + PAYMENT_STUBS)
			.build()
			.post()
			.uri("/__admin/requests/find")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("method", "POST", "url", "/api/payments", "bodyPatterns",
					List.of(Map.of("contains", orderId))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return ((List<?>) found.get("requests")).size();
	}

}
