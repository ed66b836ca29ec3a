package com.example.platform.local;

import java.util.Locale;

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
 */
public record ServiceDefinition(String name, int defaultPort, String schema, boolean issuesTokens,
		boolean needsClientCredentials) {

	/**
	 * A service with a schema of its own.
	 * @param name module name
	 * @param port default port
	 * @param schema the schema it owns
	 * @return the definition
	 */
	public static ServiceDefinition withSchema(String name, int port, String schema) {
		return new ServiceDefinition(name, port, schema, false, false);
	}

	/**
	 * A process without a database (the gateway).
	 * @param name module name
	 * @param port default port
	 * @return the definition
	 */
	public static ServiceDefinition withoutDatabase(String name, int port) {
		return new ServiceDefinition(name, port, null, false, false);
	}

	/**
	 * @return this service as the platform's token issuer
	 */
	public ServiceDefinition issuingTokens() {
		return new ServiceDefinition(this.name, this.defaultPort, this.schema, true, this.needsClientCredentials);
	}

	/**
	 * @return this service with a client secret of its own
	 */
	public ServiceDefinition withClientCredentials() {
		return new ServiceDefinition(this.name, this.defaultPort, this.schema, this.issuesTokens, true);
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

}
