package com.example.platform.payment;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The payment provider of the integration tests: one WireMock server per test JVM on
 * {@code 127.0.0.1}, loaded with the PSP sandbox's own mappings ({@code psp-sandbox/}),
 * so the sandbox the local platform runs is the one the tests exercise. Tests add their
 * own stubs, each bound to a payment method token of their own, so the background
 * resolver working on other tests' payments never takes their answers.
 */
public final class PspStub {

	private static volatile WireMockServer server;

	private PspStub() {
	}

	/**
	 * @return the running server, started on first use
	 */
	public static WireMockServer server() {
		WireMockServer current = server;
		if (current == null) {
			synchronized (PspStub.class) {
				current = server;
				if (current == null) {
					current = new WireMockServer(options().bindAddress("127.0.0.1")
						.dynamicPort()
						.usingFilesUnderDirectory("psp-sandbox")
						.containerThreads(60));
					current.start();
					Runtime.getRuntime().addShutdownHook(new Thread(current::stop, "psp-stub-stop"));
					server = current;
				}
			}
		}
		return current;
	}

	/**
	 * @return the provider's base URL
	 */
	public static String baseUrl() {
		return "http://127.0.0.1:" + server().port();
	}

	/**
	 * The provider's request journal, by idempotency key: what the provider really
	 * received.
	 * @param idempotencyKey our payment id
	 * @return every {@code POST /v1/charges} with that key
	 */
	public static List<LoggedRequest> chargeRequests(String idempotencyKey) {
		return server().findAll(
				postRequestedFor(urlEqualTo("/v1/charges")).withHeader("Idempotency-Key", equalTo(idempotencyKey)));
	}

	/**
	 * @param idempotencyKey our refund id
	 * @return every {@code POST /v1/refunds} with that key
	 */
	public static List<LoggedRequest> refundRequests(String idempotencyKey) {
		return server().findAll(
				postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(idempotencyKey)));
	}

	/**
	 * Publishes the stub's URL as {@code test.psp.base-url} for the test application.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource("pspStub", Map.of("test.psp.base-url", baseUrl())));
		}

	}

}
