package com.example.platform.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One process of the platform, as the launcher starts it.
 *
 * @param name the module folder and artifact id, e.g. {@code user-service}; also the
 * client id when it needs client credentials
 * @param defaultPort the port it listens on in a normal local run
 * @param schema the database schema it owns, or {@code null} when it has no database
 * @param issuesTokens whether it is the token issuer (gets the other services' client
 * secrets)
 * @param needsClientCredentials whether it calls other services with its own token (gets
 * a client secret, registered with the issuer)
 * @param environment extra variables; in a value, {@code {service-name}} stands for that
 * process's URL on loopback (e.g. {@code {psp-sandbox}}), {@code {port}} for this one's
 * port and {@code {root}} for the repository root
 * @param tool a third-party executable jar instead of one of our services, or
 * {@code null}
 */
public record ServiceDefinition(String name, int defaultPort, String schema, boolean issuesTokens,
		boolean needsClientCredentials, Map<String, String> environment, Tool tool) {

	public ServiceDefinition {
		environment = Map.copyOf(environment);
	}

	/**
	 * A service with a schema of its own.
	 * @param name module name
	 * @param port default port
	 * @param schema the schema it owns
	 * @return the definition
	 */
	public static ServiceDefinition withSchema(String name, int port, String schema) {
		return new ServiceDefinition(name, port, schema, false, false, Map.of(), null);
	}

	/**
	 * A process without a database (the gateway).
	 * @param name module name
	 * @param port default port
	 * @return the definition
	 */
	public static ServiceDefinition withoutDatabase(String name, int port) {
		return new ServiceDefinition(name, port, null, false, false, Map.of(), null);
	}

	/**
	 * A third-party process from an executable jar the build copied into
	 * {@code local-platform/target/tools/} (e.g. the PSP sandbox, WireMock).
	 * @param name process name
	 * @param port default port
	 * @param tool its jar, arguments and readiness path
	 * @return the definition
	 */
	public static ServiceDefinition tool(String name, int port, Tool tool) {
		return new ServiceDefinition(name, port, null, false, false, Map.of(), tool);
	}

	/**
	 * @return this service as the platform's token issuer
	 */
	public ServiceDefinition issuingTokens() {
		return new ServiceDefinition(this.name, this.defaultPort, this.schema, true, this.needsClientCredentials,
				this.environment, this.tool);
	}

	/**
	 * @return this service with a client secret of its own
	 */
	public ServiceDefinition withClientCredentials() {
		return new ServiceDefinition(this.name, this.defaultPort, this.schema, this.issuesTokens, true,
				this.environment, this.tool);
	}

	/**
	 * @param variable an environment variable
	 * @param value its value, with {@code {service-name}}, {@code {port}} and
	 * {@code {root}} placeholders
	 * @return this service with the variable added (or replaced)
	 */
	public ServiceDefinition withEnvironment(String variable, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.environment);
		copy.put(variable, value);
		return new ServiceDefinition(this.name, this.defaultPort, this.schema, this.issuesTokens,
				this.needsClientCredentials, copy, this.tool);
	}

	/**
	 * @return the port of its management server (actuator) in a normal local run: its
	 * port plus 1000 (9081 for user-service on 8081)
	 */
	public int defaultManagementPort() {
		return this.defaultPort + 1000;
	}

	/**
	 * @return the login role owning the schema, e.g. {@code user_service}
	 */
	public String role() {
		return this.name.replace('-', '_');
	}

	/**
	 * @return the environment variable other processes find this one's URL in, e.g.
	 * {@code USER_SERVICE_URL}
	 */
	public String urlVariable() {
		return this.name.replace('-', '_').toUpperCase(Locale.ROOT) + "_URL";
	}

	/**
	 * @return whether it owns a schema
	 */
	public boolean hasDatabase() {
		return this.schema != null;
	}

	/**
	 * @return whether it is one of our Spring Boot services (not a third-party tool)
	 */
	public boolean isService() {
		return this.tool == null;
	}

	/**
	 * @return whether it is a Kafka broker: probed with Kafka's protocol, started before
	 * everything else, and its address given to every service
	 */
	public boolean isKafkaBroker() {
		return this.tool != null && this.tool.protocol() == Protocol.KAFKA;
	}

	/**
	 * What a process speaks on its port.
	 */
	public enum Protocol {

		/** HTTP: a URL, readiness by a GET answering 200. */
		HTTP,

		/** Kafka: a bootstrap address, readiness by a cluster description. */
		KAFKA

	}

	/**
	 * An executable jar run as one process of the platform: a third-party one, or one
	 * this build makes to run infrastructure (the Kafka broker).
	 *
	 * @param jarName the jar's file name in {@code local-platform/target/tools/}
	 * @param arguments its arguments, with {@code {port}}, {@code {control-port}},
	 * {@code {root}} and {@code {data}} (the platform's data directory) placeholders
	 * @param readinessPath the path answering 200 once it is ready (HTTP only)
	 * @param protocol what it speaks on its port
	 * @param defaultControlPort a second port it listens on in a normal local run
	 * (Kafka's controller), or 0 for none
	 */
	public record Tool(String jarName, List<String> arguments, String readinessPath, Protocol protocol,
			int defaultControlPort) {

		public Tool {
			arguments = List.copyOf(arguments);
		}

		/**
		 * An HTTP tool with one port.
		 * @param jarName its jar in {@code local-platform/target/tools/}
		 * @param arguments its arguments
		 * @param readinessPath the path answering 200 once it is ready
		 */
		public Tool(String jarName, List<String> arguments, String readinessPath) {
			this(jarName, arguments, readinessPath, Protocol.HTTP, 0);
		}

		/**
		 * A Kafka broker.
		 * @param jarName its jar in {@code local-platform/target/tools/}
		 * @param arguments its arguments
		 * @param defaultControlPort its controller's port in a normal local run
		 * @return the tool
		 */
		public static Tool kafka(String jarName, List<String> arguments, int defaultControlPort) {
			return new Tool(jarName, arguments, null, Protocol.KAFKA, defaultControlPort);
		}

	}

}
