package com.example.platform.order.contract;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.contract.stubrunner.spring.AutoConfigureStubRunner;
import org.springframework.cloud.contract.stubrunner.spring.StubRunnerProperties.StubsMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole order service with the user and payment services replaced by the stubs
 * generated from their contracts. Subclasses share one application context.
 */
@OrderServiceIntegrationTest
@AutoConfigureStubRunner(stubsMode = StubsMode.CLASSPATH, httpServerStubConfigurer = ProviderStubs.LoopbackOnly.class)
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

}
