package com.example.platform.e2e;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations endpoints are not for users: a user's token gets no metrics, neither through
 * the gateway nor from a service's own port; the management ports (loopback) serve
 * Prometheus, with the business meters once an order went through. The probes stay open
 * on every application port.
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class OperationsIT {

	private static final String[] SERVICES = { PlatformServices.GATEWAY, PlatformServices.USER_SERVICE,
			PlatformServices.ORDER_SERVICE, PlatformServices.PAYMENT_SERVICE };

	@Test
	void aUserTokenGetsNoOperationsEndpoint(Gateway gateway, PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		String token = gateway.newUserToken();
		for (String path : new String[] { "/actuator/metrics", "/actuator/prometheus", "/actuator/env",
				"/actuator/health" }) {
			assertThat(gateway.get(path, token).status()).as("gateway %s", path).isEqualTo(404);
			for (String service : SERVICES) {
				Gateway direct = new Gateway(local.url(service));
				assertThat(direct.get(path, token).status()).as("%s %s", service, path).isIn(401, 403, 404);
			}
		}
	}

	@Test
	void theProbesStayOpenOnEveryApplicationPort(PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		for (String service : SERVICES) {
			Gateway direct = new Gateway(local.url(service));
			for (String probe : new String[] { "/readyz", "/livez" }) {
				Gateway.Response response = direct.get(probe, null);
				assertThat(response.status()).as("%s %s: %s", service, probe, response).isEqualTo(200);
			}
		}
	}

	@Test
	void theManagementPortsServePrometheusWithTheBusinessMeters(Gateway gateway, PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		String token = gateway.newUserToken();
		Shop.placeOrder(gateway, token, "tok_visa", 201);

		String orders = prometheus(local, PlatformServices.ORDER_SERVICE);
		assertThat(orders).containsPattern("orders_placed_total\\{[^}]*outcome=\"paid\"[^}]*\\} [1-9]")
			.contains("orders_reconciliation_backlog{")
			.contains("resilience4j_circuitbreaker_state{")
			.contains("http_client_requests_seconds_count{");
		String payments = prometheus(local, PlatformServices.PAYMENT_SERVICE);
		assertThat(payments).containsPattern("payments_charges_total\\{[^}]*outcome=\"approved\"[^}]*\\} [1-9]")
			.contains("payments_refunds_total{")
			.contains("payments_resolution_backlog{");
		assertThat(prometheus(local, PlatformServices.GATEWAY)).contains("http_server_requests_seconds_bucket{");
		assertThat(prometheus(local, PlatformServices.USER_SERVICE)).contains("hikaricp_connections_active{");
	}

	private static String prometheus(LocalPlatform local, String service) {
		Gateway management = new Gateway(local.managementUrl(service));
		Gateway.Response response = management.get("/actuator/prometheus", null, Map.of("Accept", "text/plain"));
		assertThat(response.status()).as("%s prometheus: %s", service, response).isEqualTo(200);
		return response.body();
	}

}
