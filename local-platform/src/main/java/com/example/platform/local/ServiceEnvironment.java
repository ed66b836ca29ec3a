package com.example.platform.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment a service process gets: its port on loopback, the issuer every token
 * carries, every other service's URL ({@code USER_SERVICE_URL}...), its database login,
 * and client secrets (the issuer gets all of them, a client its own).
 */
final class ServiceEnvironment {

	private ServiceEnvironment() {
	}

	static Map<String, String> of(ServiceDefinition service, Map<String, Integer> ports,
			List<ServiceDefinition> services, String jdbcUrl, Map<String, PlatformDatabase.Credentials> logins,
			Map<String, String> clientSecrets) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SERVER_PORT", Integer.toString(ports.get(service.name())));
		environment.put("SERVER_ADDRESS", "127.0.0.1");
		for (ServiceDefinition other : services) {
			environment.put(other.urlVariable(), "http://127.0.0.1:" + ports.get(other.name()));
		}
		services.stream()
			.filter(ServiceDefinition::issuesTokens)
			.findFirst()
			.ifPresent(
					issuer -> environment.put("PLATFORM_AUTH_ISSUER", "http://127.0.0.1:" + ports.get(issuer.name())));
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
		}
		return environment;
	}

}
