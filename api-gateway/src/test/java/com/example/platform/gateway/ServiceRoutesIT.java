package com.example.platform.gateway;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Each service's paths reach that service (user, order and payment service stand-ins on
 * loopback), the price list is open without a token, and orders and payments are not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ServiceRoutesIT {

	private static final DownstreamStub users = stub("user-service");

	private static final DownstreamStub orders = stub("order-service");

	private static final DownstreamStub payments = stub("payment-service");

	@Value("${local.server.port}")
	int port;

	WebTestClient client;

	@DynamicPropertySource
	static void downstream(DynamicPropertyRegistry registry) {
		registry.add("USER_SERVICE_URL", users::baseUrl);
		registry.add("ORDER_SERVICE_URL", orders::baseUrl);
		registry.add("PAYMENT_SERVICE_URL", payments::baseUrl);
		registry.add("PLATFORM_AUTH_ISSUER", () -> DownstreamStub.ISSUER);
	}

	@BeforeEach
	void client() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(20))
			.build();
	}

	@AfterAll
	static void stopStubs() {
		users.close();
		orders.close();
		payments.close();
	}

	@Test
	void servesThePriceListWithoutAToken() {
		expectRouted(this.client.get().uri("/api/products").exchange(), "order-service", "/api/products");
		expectRouted(this.client.get().uri("/api/products/ESPRESSO-CUP").exchange(), "order-service",
				"/api/products/ESPRESSO-CUP");
	}

	@Test
	void wantsATokenToChangeTheProducts() {
		GatewayIT.expectProblem(this.client.post()
			.uri("/api/products")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Test
	void wantsATokenForOrders() {
		GatewayIT.expectProblem(this.client.get().uri("/api/orders").exchange(), HttpStatus.UNAUTHORIZED,
				"unauthenticated");
		GatewayIT.expectProblem(this.client.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Test
	void wantsATokenForPayments() {
		GatewayIT.expectProblem(this.client.get().uri("/api/payments?orderId=x").exchange(), HttpStatus.UNAUTHORIZED,
				"unauthenticated");
		GatewayIT.expectProblem(this.client.get().uri("/api/payments/123").exchange(), HttpStatus.UNAUTHORIZED,
				"unauthenticated");
	}

	@Test
	void routesOrdersToTheOrderService() {
		String token = users.validToken();
		expectRouted(this.client.get().uri("/api/orders").header("Authorization", "Bearer " + token).exchange(),
				"order-service", "/api/orders");
		expectRouted(
				this.client.post().uri("/api/orders/42/cancel").header("Authorization", "Bearer " + token).exchange(),
				"order-service", "/api/orders/42/cancel");
	}

	@Test
	void routesPaymentsToThePaymentService() {
		String token = users.validToken();
		expectRouted(this.client.get().uri("/api/payments/7").header("Authorization", "Bearer " + token).exchange(),
				"payment-service", "/api/payments/7");
		expectRouted(
				this.client.get().uri("/api/payments?orderId=9").header("Authorization", "Bearer " + token).exchange(),
				"payment-service", "/api/payments");
	}

	@Test
	void routesUserPathsToTheUserServiceStill() {
		expectRouted(this.client.get()
			.uri("/api/users/me")
			.header("Authorization", "Bearer " + users.validToken())
			.exchange(), "user-service", "/api/users/me");
	}

	@Test
	void servesEachServicesApiDocsWithoutAToken() {
		expectRouted(this.client.get().uri("/order-service/v3/api-docs").exchange(), "order-service", "/v3/api-docs");
		expectRouted(this.client.get().uri("/payment-service/v3/api-docs").exchange(), "payment-service",
				"/v3/api-docs");
	}

	@Test
	void doesNotRouteLookAlikePaths() {
		GatewayIT.expectProblem(this.client.get()
			.uri("/api/productsx")
			.header("Authorization", "Bearer " + users.validToken())
			.exchange(), HttpStatus.NOT_FOUND, "not-found");
		GatewayIT.expectProblem(this.client.get().uri("/api/productsx").exchange(), HttpStatus.UNAUTHORIZED,
				"unauthenticated");
	}

	private static void expectRouted(WebTestClient.ResponseSpec response, String service, String path) {
		response.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.path")
			.isEqualTo(path);
	}

	private static DownstreamStub stub(String name) {
		try {
			return new DownstreamStub(name);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
