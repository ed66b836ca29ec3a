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

	/** Every process, in start order. */
	public static final List<ServiceDefinition> ALL = List.of(
			ServiceDefinition.withSchema(USER_SERVICE, 8081, "users").issuingTokens(),
			ServiceDefinition.withoutDatabase(GATEWAY, 8080));

	private PlatformServices() {
	}

}
