package com.example.platform.local;

import java.util.List;

/**
 * The processes of the platform. A new service joins with one entry here (and one route
 * in the gateway's {@code application.yaml}); the launcher derives its database role,
 * credentials, URL variable and client secret from the entry.
 */
public final class PlatformServices {

	/** The gateway; every other process is reached through it. */
	public static final String GATEWAY = "api-gateway";

	/** The token issuer. */
	public static final String USER_SERVICE = "user-service";

	/** Payments and refunds, against the PSP sandbox. */
	public static final String PAYMENT_SERVICE = "payment-service";

	/** The price list and orders. */
	public static final String ORDER_SERVICE = "order-service";

	/**
	 * The payment provider's sandbox: WireMock standalone with
	 * {@code payment-service/psp-sandbox}. Its admin API ({@code /__admin}) is on
	 * loopback only.
	 */
	public static final String PSP_SANDBOX = "psp-sandbox";

	/** Every process, in start order. */
	public static final List<ServiceDefinition> ALL = List.of(
			ServiceDefinition.tool(PSP_SANDBOX, 8090,
					new ServiceDefinition.Tool("wiremock-standalone.jar",
							List.of("--root-dir", "{root}/payment-service/psp-sandbox", "--bind-address", "127.0.0.1",
									"--port", "{port}", "--disable-banner"),
							"/__admin/health")),
			ServiceDefinition.withSchema(USER_SERVICE, 8081, "users").issuingTokens(),
			ServiceDefinition.withSchema(PAYMENT_SERVICE, 8083, "payments")
				.withEnvironment("PLATFORM_PAYMENTS_PROVIDER_BASE_URL", "{" + PSP_SANDBOX + "}"),
			ServiceDefinition.withSchema(ORDER_SERVICE, 8082, "orders")
				.withClientCredentials()
				.withEnvironment("PLATFORM_ORDERS_USER_SERVICE_BASE_URL", "{" + USER_SERVICE + "}")
				.withEnvironment("PLATFORM_ORDERS_PAYMENT_SERVICE_BASE_URL", "{" + PAYMENT_SERVICE + "}"),
			ServiceDefinition.withoutDatabase(GATEWAY, 8080));

	private PlatformServices() {
	}

}
