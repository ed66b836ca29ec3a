package com.example.platform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One order through the gateway is one trace: the client's {@code traceparent} is
 * continued, the gateway returns its trace id, and Zipkin (started by the launcher) holds
 * spans of the gateway, order-service, user-service and payment-service, the provider
 * call, SQL statements, and the Kafka hop: payment-service sending {@code PaymentSettled}
 * through its outbox and order-service receiving it; every service's log has lines with
 * that trace id.
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class TracingIT {

	private static final Set<String> SERVICES = Set.of(PlatformServices.GATEWAY, PlatformServices.ORDER_SERVICE,
			PlatformServices.USER_SERVICE, PlatformServices.PAYMENT_SERVICE);

	@Test
	void anOrderIsOneTraceAcrossEveryHopInZipkinAndInEveryLog(Gateway gateway, PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		String token = gateway.newUserToken();
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

		Gateway.Response order = gateway.post("/api/orders", token, Shop.beansAndCup("tok_visa"),
				Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID(), "traceparent", traceparent));
		assertThat(order.status()).as("%s", order).isEqualTo(201);
		assertThat(order.headers()).containsEntry("x-trace-id", traceId);

		Gateway zipkin = new Gateway(local.url(PlatformServices.ZIPKIN));
		String pspPort = Integer.toString(local.url(PlatformServices.PSP_SANDBOX).getPort());
		// Spans arrive asynchronously (each service reports in batches, about once a
		// second).
		JsonNode spans = await("the order's trace in Zipkin with every service's spans").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> zipkin.get("/api/v2/trace/" + traceId, null),
					trace -> trace.status() == 200 && services(trace.json()).containsAll(SERVICES)
							&& hasProviderCall(trace.json(), pspPort) && hasKafkaHop(trace.json()))
			.json();
		assertThat(spans.valueStream()
			.anyMatch(span -> "order-service".equals(serviceName(span))
					&& span.path("tags").propertyNames().stream().anyMatch(tag -> tag.startsWith("jdbc."))))
			.as("order-service's SQL statements are spans of the trace: %s", spans)
			.isTrue();

		for (String service : SERVICES) {
			assertThat(logOf(local, service)).as("%s's log has the trace id", service).contains(traceId);
		}
	}

	private static Set<String> services(JsonNode spans) {
		Set<String> names = new TreeSet<>();
		spans.valueStream().map(TracingIT::serviceName).forEach(names::add);
		return names;
	}

	private static String serviceName(JsonNode span) {
		return span.path("localEndpoint").path("serviceName").asString("");
	}

	/** payment-service's call to the PSP sandbox, a client span to its port. */
	private static boolean hasProviderCall(JsonNode spans, String pspPort) {
		return spans.valueStream()
			.anyMatch(span -> "payment-service".equals(serviceName(span))
					&& "CLIENT".equals(span.path("kind").asString(""))
					&& span.path("tags").path("http.url").asString("").contains(":" + pspPort + "/"));
	}

	/** payment-service sends the settled payment, order-service receives it. */
	private static boolean hasKafkaHop(JsonNode spans) {
		return hasSpan(spans, "payment-service", "PRODUCER") && hasSpan(spans, "order-service", "CONSUMER");
	}

	private static boolean hasSpan(JsonNode spans, String service, String kind) {
		return spans.valueStream()
			.anyMatch(span -> service.equals(serviceName(span)) && kind.equals(span.path("kind").asString(""))
					&& span.path("name").asString("").contains("payments.v1"));
	}

	private static String logOf(LocalPlatform local, String service) {
		Path log = local.process(service).logFile();
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
