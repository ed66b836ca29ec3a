package com.example.platform.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformOptions;
import com.example.platform.local.PlatformServices;

/**
 * What the end-to-end tests talk to: the gateway of a deployment given by
 * {@code -De2e.baseUrl} (or {@code E2E_BASE_URL}), or else a local platform started once
 * for the whole test run, every service its own process, and stopped at its end.
 */
final class PlatformUnderTest implements AutoCloseable {

	private final URI gateway;

	private final LocalPlatform local;

	private PlatformUnderTest(URI gateway, LocalPlatform local) {
		this.gateway = gateway;
		this.local = local;
	}

	static PlatformUnderTest start() {
		String configured = System.getProperty("e2e.baseUrl");
		if (configured == null || configured.isBlank()) {
			configured = System.getenv("E2E_BASE_URL");
		}
		if (configured != null && !configured.isBlank()) {
			return new PlatformUnderTest(URI.create(configured.replaceAll("/+$", "")), null);
		}
		Path root = PlatformOptions.findProjectRoot(Path.of(""));
		// Reconciliation in seconds instead of minutes, so an order placed while
		// payment-service was down is paid soon after it is back.
		PlatformOptions options = PlatformOptions.forTests(root, Path.of("target", "platform").toAbsolutePath())
			.withServiceEnvironment(PlatformServices.ORDER_SERVICE, "PLATFORM_ORDERS_RECONCILIATION_INTERVAL", "1s")
			.withServiceEnvironment(PlatformServices.ORDER_SERVICE, "PLATFORM_ORDERS_RECONCILIATION_GRACE", "3s")
			.withServiceEnvironment(PlatformServices.ORDER_SERVICE, "PLATFORM_ORDERS_RECONCILIATION_RETRY_BASE", "1s")
			.withServiceEnvironment(PlatformServices.ORDER_SERVICE, "PLATFORM_ORDERS_RECONCILIATION_RETRY_MAX", "2s");
		String coverageAgent = System.getProperty("e2e.coverageAgent", "");
		if (!coverageAgent.isBlank()) {
			// Each service's JVM records what the journeys ran. A coverage agent rewrites
			// classes as they load, which an AOT cache cannot serve: start from the jars.
			options = options.withFastStart(false);
			for (String service : List.of(PlatformServices.GATEWAY, PlatformServices.USER_SERVICE,
					PlatformServices.PAYMENT_SERVICE, PlatformServices.ORDER_SERVICE)) {
				options = options.withServiceEnvironment(service, "JAVA_TOOL_OPTIONS", coverageAgent);
			}
		}
		LocalPlatform platform = LocalPlatform.start(options);
		return new PlatformUnderTest(platform.gatewayUrl(), platform);
	}

	URI gateway() {
		return this.gateway;
	}

	/**
	 * @return the local platform, for tests that stop, kill or look inside it
	 */
	LocalPlatform local() {
		if (this.local == null) {
			throw new IllegalStateException("This test needs the local platform; it is tagged 'local-platform' "
					+ "and excluded when -De2e.baseUrl is given");
		}
		return this.local;
	}

	@Override
	public void close() {
		if (this.local != null) {
			this.local.close();
		}
	}

}
