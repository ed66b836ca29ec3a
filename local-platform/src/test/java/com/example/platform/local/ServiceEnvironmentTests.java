package com.example.platform.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceEnvironmentTests {

	private static final ServiceDefinition users = ServiceDefinition.withSchema("user-service", 8081, "users")
		.issuingTokens();

	private static final ServiceDefinition orders = ServiceDefinition.withSchema("order-service", 8082, "orders")
		.withClientCredentials();

	private static final ServiceDefinition gateway = ServiceDefinition.withoutDatabase("api-gateway", 8080);

	private static final ServiceDefinition sandbox = ServiceDefinition.tool("psp-sandbox", 8090,
			new ServiceDefinition.Tool("wiremock-standalone.jar",
					List.of("--root-dir", "{root}/sandbox", "--port", "{port}"), "/__admin/health"));

	private static final ServiceDefinition kafka = ServiceDefinition.tool("kafka", 19092,
			ServiceDefinition.Tool.kafka("kafka-broker-exec.jar",
					List.of("--data-dir", "{data}/kafka", "--port", "{port}", "--controller-port", "{control-port}"),
					19093));

	private static final Map<String, Integer> ports = Map.of("user-service", 1001, "order-service", 1002, "api-gateway",
			1000, "psp-sandbox", 1090, "kafka", 1092);

	private static final Map<String, PlatformDatabase.Credentials> logins = Map.of("user-service",
			new PlatformDatabase.Credentials("user_service", "pw-users", "users"), "order-service",
			new PlatformDatabase.Credentials("order_service", "pw-orders", "orders"));

	@Test
	void givesEveryProcessItsPortOnLoopbackTheIssuerAndEveryServiceUrl() {
		Map<String, String> environment = ServiceEnvironment.of(gateway, ports, List.of(users, orders, gateway),
				"jdbc:postgresql://db/platform", Map.of(), Map.of());
		assertThat(environment).containsEntry("SERVER_PORT", "1000")
			.containsEntry("SERVER_ADDRESS", "127.0.0.1")
			.containsEntry("PLATFORM_AUTH_ISSUER", "http://127.0.0.1:1001")
			.containsEntry("USER_SERVICE_URL", "http://127.0.0.1:1001")
			.containsEntry("ORDER_SERVICE_URL", "http://127.0.0.1:1002")
			.doesNotContainKeys("SPRING_DATASOURCE_URL", "SPRING_APPLICATION_JSON", "PLATFORM_CLIENT_SECRET");
	}

	@Test
	void registersEachClientsSecretWithTheIssuerAndGivesTheClientItsOwn() {
		Map<String, String> secrets = Map.of("order-service", "s3cret");
		Map<String, String> issuer = ServiceEnvironment.of(users, ports, List.of(users, orders, gateway),
				"jdbc:postgresql://db/platform", logins, secrets);
		Map<String, String> client = ServiceEnvironment.of(orders, ports, List.of(users, orders, gateway),
				"jdbc:postgresql://db/platform", logins, secrets);
		assertThat(issuer).containsEntry("SPRING_APPLICATION_JSON",
				"{\"platform\":{\"auth\":{\"clients\":{\"order-service\":{\"secret\":\"s3cret\"}}}}}");
		assertThat(client).containsEntry("PLATFORM_CLIENT_ID", "order-service")
			.containsEntry("PLATFORM_CLIENT_SECRET", "s3cret")
			.doesNotContainKey("SPRING_APPLICATION_JSON");
	}

	@Test
	void givesAServiceWithASchemaItsOwnLoginOnly() {
		Map<String, String> environment = ServiceEnvironment.of(orders, ports, List.of(users, orders, gateway),
				"jdbc:postgresql://db/platform", logins, Map.of("order-service", "s"));
		assertThat(environment).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/platform")
			.containsEntry("SPRING_DATASOURCE_USERNAME", "order_service")
			.containsEntry("SPRING_DATASOURCE_PASSWORD", "pw-orders");
	}

	@Test
	void pointsAResourceServerAtTheIssuersKeySetAndAClientAtItsTokenEndpoint() {
		Map<String, String> secrets = Map.of("order-service", "s3cret");
		Map<String, String> client = ServiceEnvironment.of(orders, ports, List.of(users, orders, gateway),
				"jdbc:postgresql://db/platform", logins, secrets);
		assertThat(client)
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", "http://127.0.0.1:1001/oauth2/jwks")
			.containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "http://127.0.0.1:1001")
			.containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_PLATFORM_TOKEN_URI",
					"http://127.0.0.1:1001/oauth2/token")
			.containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_PLATFORM_CLIENT_ID", "order-service")
			.containsEntry("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_PLATFORM_CLIENT_SECRET", "s3cret");
		Map<String, String> issuer = ServiceEnvironment.of(users, ports, List.of(users, orders, gateway),
				"jdbc:postgresql://db/platform", logins, secrets);
		assertThat(issuer).doesNotContainKeys("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
				"SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_PLATFORM_CLIENT_SECRET");
	}

	@Test
	void resolvesOtherProcessesUrlsInTheEntrysOwnVariables() {
		ServiceDefinition payments = ServiceDefinition.withSchema("payment-service", 8083, "payments")
			.withEnvironment("PLATFORM_PAYMENTS_PROVIDER_BASE_URL", "{psp-sandbox}");
		Map<String, Integer> withPayments = new HashMap<>(ports);
		withPayments.put("payment-service", 1003);
		Map<String, String> environment = ServiceEnvironment.of(payments, withPayments,
				List.of(sandbox, users, payments, gateway), "jdbc:postgresql://db/platform",
				Map.of("payment-service", new PlatformDatabase.Credentials("payment_service", "pw", "payments")),
				Map.of());
		assertThat(environment).containsEntry("PLATFORM_PAYMENTS_PROVIDER_BASE_URL", "http://127.0.0.1:1090")
			.containsEntry("PSP_SANDBOX_URL", "http://127.0.0.1:1090")
			.doesNotContainKey("PLATFORM_CLIENT_ID");
	}

	@Test
	void resolvesAToolsPortAndTheRepositoryRoot() {
		assertThat(ServiceEnvironment.resolve("{root}/sandbox", sandbox, ports, Path.of("/repo")))
			.isEqualTo("/repo/sandbox");
		assertThat(ServiceEnvironment.resolve("{port}", sandbox, ports, Path.of("/repo"))).isEqualTo("1090");
		assertThat(sandbox.isService()).isFalse();
		assertThat(sandbox.hasDatabase()).isFalse();
	}

	@Test
	void givesEveryServiceTheBrokersBootstrapAddressAndNoHttpUrlForIt() {
		List<ServiceDefinition> services = List.of(kafka, sandbox, users, orders, gateway);
		for (ServiceDefinition service : List.of(users, orders, gateway)) {
			assertThat(ServiceEnvironment.of(service, ports, services, "jdbc:postgresql://db/platform", logins,
					Map.of("order-service", "s")))
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1092")
				.doesNotContainKey("KAFKA_URL");
		}
		assertThat(ServiceEnvironment.of(sandbox, ports, services, null, Map.of(), Map.of()))
			.doesNotContainKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");
		assertThat(ServiceEnvironment.of(users, ports, List.of(users, gateway), "jdbc:postgresql://db/platform", logins,
				Map.of()))
			.doesNotContainKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");
	}

	@Test
	void resolvesTheBrokersControlPortAndDataDirectory() {
		assertThat(kafka.tool()
			.arguments()
			.stream()
			.map(argument -> ServiceEnvironment.resolve(argument, kafka, ports, 1093, Path.of("/repo"),
					Path.of("/repo/.data"))))
			.containsExactly("--data-dir", "/repo/.data/kafka", "--port", "1092", "--controller-port", "1093");
		assertThat(kafka.isKafkaBroker()).isTrue();
		assertThat(sandbox.isKafkaBroker()).isFalse();
		assertThat(users.isKafkaBroker()).isFalse();
	}

	@Test
	void derivesRoleAndUrlVariableFromTheName() {
		assertThat(orders.role()).isEqualTo("order_service");
		assertThat(orders.urlVariable()).isEqualTo("ORDER_SERVICE_URL");
		assertThat(gateway.hasDatabase()).isFalse();
	}

	@Test
	void givesAServiceItsManagementPortJsonLogsAndTheTraceViewerWhenOneRuns() {
		Map<String, String> traced = ServiceEnvironment.operations(orders, 2002,
				java.net.URI.create("http://127.0.0.1:9411"));
		assertThat(traced).containsEntry("MANAGEMENT_SERVER_PORT", "2002")
			.containsEntry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1")
			.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
			.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true")
			.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://127.0.0.1:9411/api/v2/spans");
		assertThat(ServiceEnvironment.operations(orders, 2002, null)).containsEntry("MANAGEMENT_SERVER_PORT", "2002")
			.doesNotContainKeys("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED",
					"MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT");
		assertThat(ServiceEnvironment.operations(sandbox, -1, java.net.URI.create("http://127.0.0.1:9411"))).isEmpty();
	}

}
