package com.example.platform.order.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.cloud.contract.stubrunner.HttpServerStubConfiguration;
import org.springframework.cloud.contract.stubrunner.provider.wiremock.WireMockHttpServerStubConfigurer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where the providers' contract stubs run in consumer tests: Stub Runner serves the stubs
 * jars the providers published earlier in the same build (classpath mode, no repository),
 * on loopback ports chosen here, and the service is pointed at them.
 */
public final class ProviderStubs {

	/** The customer the user service's contracts know. */
	public static final String KNOWN_USER = "7c1f3b5e-0000-4a4a-9c9c-000000000001";

	/** The customer the user service's contracts do not know. */
	public static final String UNKNOWN_USER = "7c1f3b5e-0000-4a4a-9c9c-000000000404";

	private ProviderStubs() {
	}

	/**
	 * Runs the user service's stubs and points the service (and its token client) at
	 * them.
	 * @param registry the test's dynamic properties
	 * @return the stubs' port
	 */
	public static int userService(DynamicPropertyRegistry registry) {
		int port = freePort();
		registry.add("platform.orders.user-service.base-url", () -> "http://127.0.0.1:" + port);
		registry.add("spring.security.oauth2.client.provider.platform.token-uri",
				() -> "http://127.0.0.1:" + port + "/oauth2/token");
		return port;
	}

	/**
	 * @param registry the test's dynamic properties
	 * @param userServicePort the user service stubs' port
	 * @param paymentServicePort the payment service stubs' port, or 0 for none
	 */
	public static void run(DynamicPropertyRegistry registry, int userServicePort, int paymentServicePort) {
		String ids = "com.example.platform:user-service:+:stubs:" + userServicePort;
		if (paymentServicePort > 0) {
			ids += ",com.example.platform:payment-service:+:stubs:" + paymentServicePort;
			registry.add("platform.orders.payment-service.base-url", () -> "http://127.0.0.1:" + paymentServicePort);
		}
		String stubs = ids;
		registry.add("spring.cloud.contract.stubrunner.ids", () -> stubs);
	}

	/**
	 * @return a loopback port nothing listens on (for a dependency that is down, or a
	 * stub)
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stub servers listen on loopback only.
	 */
	public static class LoopbackOnly extends WireMockHttpServerStubConfigurer {

		@Override
		public WireMockConfiguration configure(WireMockConfiguration config, HttpServerStubConfiguration stub) {
			return config.bindAddress("127.0.0.1");
		}

	}

}
