package com.example.platform.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment a service process gets: its port on loopback, the issuer every token
 * carries, every other service's URL ({@code USER_SERVICE_URL}...), the Kafka broker's
 * address ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}) when one runs, its database login,
 * client secrets (the issuer gets all of them, a client its own), the resource server's
 * key set and issuer, and the variables of its own entry.
 */
final class ServiceEnvironment {

	private ServiceEnvironment() {
	}

	static Map<String, String> of(ServiceDefinition service, Map<String, Integer> ports,
			List<ServiceDefinition> services, String jdbcUrl, Map<String, PlatformDatabase.Credentials> logins,
			Map<String, String> clientSecrets) {
		return of(service, ports, services, jdbcUrl, logins, clientSecrets, Path.of(""));
	}

	static Map<String, String> of(ServiceDefinition service, Map<String, Integer> ports,
			List<ServiceDefinition> services, String jdbcUrl, Map<String, PlatformDatabase.Credentials> logins,
			Map<String, String> clientSecrets, Path root) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", Integer.toString(ports.get(service.name())));
		environment.put("SERVER_ADDRESS", "127.0.0.1");
		for (ServiceDefinition other : services) {
			if (!other.isKafkaBroker()) {
				environment.put(other.urlVariable(), "http://127.0.0.1:" + ports.get(other.name()));
			}
		}
		if (service.isService()) {
			services.stream()
				.filter(ServiceDefinition::isKafkaBroker)
				.findFirst()
				.ifPresent(broker -> environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS",
						"127.0.0.1:" + ports.get(broker.name())));
		}
		services.stream().filter(ServiceDefinition::issuesTokens).findFirst().ifPresent(issuer -> {
			String issuerUrl = "http://127.0.0.1:" + ports.get(issuer.name());
			environment.put("PLATFORM_AUTH_ISSUER", issuerUrl);
			if (service.hasDatabase() && !service.issuesTokens()) {
				// A resource server: checks tokens against the issuer's key set.
				environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", issuerUrl + "/oauth2/jwks");
				environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuerUrl);
			}
			if (service.needsClientCredentials()) {
				// Spring Security's OAuth2 client, registration "platform".
				environment.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_PLATFORM_TOKEN_URI",
						issuerUrl + "/oauth2/token");
			}
		});
		PlatformDatabase.Credentials credentials = logins.get(service.name());
		if (credentials != null) {
			environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
			environment.put("SPRING_DATASOURCE_USERNAME", credentials.role());
			environment.put("SPRING_DATASOURCE_PASSWORD", credentials.password());
		}
		if (service.issuesTokens() && !clientSecrets.isEmpty()) {
			String clients = clientSecrets.entrySet()
				.stream()
				.map(entry -> "\"" + entry.getKey() + "\":{\"secret\":\"" + entry.getValue() + "\"}")
				.collect(Collectors.joining(","));
			environment.put("SPRING_APPLICATION_JSON", "{\"platform\":{\"auth\":{\"clients\":{" + clients + "}}}}");
		}
		if (service.needsClientCredentials()) {
			environment.put("PLATFORM_CLIENT_ID", service.name());
			environment.put("PLATFORM_CLIENT_SECRET", clientSecrets.get(service.name()));
			environment.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_PLATFORM_CLIENT_ID", service.name());
			environment.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_PLATFORM_CLIENT_SECRET",
					clientSecrets.get(service.name()));
		}
		service.environment()
			.forEach((variable, value) -> environment.put(variable, resolve(value, service, ports, root)));
		return environment;
	}

	/**
	 * What a service gets for operating it: its management port (actuator, on loopback),
	 * JSON log lines, and, when the platform runs a trace viewer, every span exported to
	 * it.
	 * @param service the process
	 * @param managementPort its management port
	 * @param zipkin the trace viewer's URL, or {@code null} when none runs
	 * @return the variables; none for a third-party tool
	 */
	static Map<String, String> operations(ServiceDefinition service, int managementPort, URI zipkin) {
		if (!service.isService()) {
			return Map.of();
		}
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
		environment.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
		// One JSON object per line (Elastic Common Schema), with traceId, spanId and
		// requestId: one request can be followed through every log by its trace id.
		environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
		if (zipkin != null) {
			environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true");
			environment.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", zipkin + "/api/v2/spans");
		}
		return environment;
	}

	/**
	 * Replaces {@code {port}} with the service's port, {@code {root}} with the repository
	 * root and {@code {<process name>}} with that process's URL on loopback.
	 */
	static String resolve(String value, ServiceDefinition service, Map<String, Integer> ports, Path root) {
		return resolve(value, service, ports, -1, root, null);
	}

	/**
	 * As {@link #resolve(String, ServiceDefinition, Map, Path)}, and a tool argument's
	 * {@code {control-port}} with its second port and {@code {data}} with the platform's
	 * data directory.
	 */
	static String resolve(String value, ServiceDefinition service, Map<String, Integer> ports, int controlPort,
			Path root, Path data) {
		String resolved = value.replace("{port}", Integer.toString(ports.get(service.name())))
			.replace("{root}", root.toAbsolutePath().normalize().toString());
		if (controlPort > 0) {
			resolved = resolved.replace("{control-port}", Integer.toString(controlPort));
		}
		if (data != null) {
			resolved = resolved.replace("{data}", data.toAbsolutePath().normalize().toString());
		}
		for (Map.Entry<String, Integer> other : ports.entrySet()) {
			resolved = resolved.replace("{" + other.getKey() + "}", "http://127.0.0.1:" + other.getValue());
		}
		return resolved;
	}

}
