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

	/**
	 * The trace viewer: Zipkin's server with in-memory storage (the newest 100,000
	 * spans), on loopback. Every service exports its spans to it.
	 */
	public static final String ZIPKIN = "zipkin";

	/**
	 * The message broker: a single-node Kafka broker and KRaft controller (the
	 * {@code kafka-broker} module's jar), data in {@code <data>/kafka}, on loopback. It
	 * starts first; every service gets its address as
	 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}.
	 */
	public static final String KAFKA = "kafka";

	/** Every process, in start order. */
	public static final List<ServiceDefinition> ALL = List.of(
			// 19092/19093, not Kafka's usual 9092/9093: clear of an installed broker, as
			// PostgreSQL's 15432 is of an installed server.
			ServiceDefinition
				.tool(KAFKA, 19092,
						ServiceDefinition.Tool.kafka("kafka-broker-exec.jar",
								List.of("--data-dir", "{data}/kafka", "--port", "{port}", "--controller-port",
										"{control-port}"),
								19093))
				// C1 only: measured, half the CPU to start (2.2 s, not 4.4 s) and 35 MB
				// less,
				// on the two cores PostgreSQL and the services start on.
				.withEnvironment("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1"),
			ServiceDefinition
				.tool(ZIPKIN, 9411,
						new ServiceDefinition.Tool("zipkin-server-exec.jar",
								List.of("--server.port={port}", "--armeria.ports[0].port={port}",
										"--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].protocols[0]=http",
										"--zipkin.storage.mem.max-spans=100000"),
								"/health"))
				// A viewer, not a service: the quick C1 compiler only, so its start takes
				// less of the two cores the services start on.
				.withEnvironment("JDK_JAVA_OPTIONS", "-XX:TieredStopAtLevel=1"),
			ServiceDefinition.tool(PSP_SANDBOX, 8090, new ServiceDefinition.Tool("wiremock-standalone.jar",
					// A small bounded request journal: unbounded, it made each request
					// cost 17-90 ms of CPU after some 50,000 in a long benchmark run;
					// bounded at 10,000, WireMock counts the journal (a linked queue)
					// on every request, 1.7-1.9 ms of CPU per order once full, more
					// than order-service's own. The tests count charges among the
					// newest entries.
					List.of("--root-dir", "{root}/payment-service/psp-sandbox", "--bind-address", "127.0.0.1", "--port",
							"{port}", "--disable-banner", "--max-request-journal-entries", "1000"),
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
