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
 * A registration and an order through the gateway are one trace each: the client's
 * {@code traceparent} is continued, the gateway returns its trace id, and Zipkin (started
 * by the launcher) holds every hop. The registration: the gateway, user-service, and the
 * Kafka hop of {@code UserRegistered} into order-service's customer replica. The order:
 * the gateway, order-service, payment-service, the provider call, SQL statements, and the
 * Kafka hop of {@code PaymentSettled} back to order-service (user-service is not asked:
 * the replica knows the customer). Every HTTP hop's log has lines with its trace id.
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class TracingIT {

	private static final Set<String> REGISTRATION_SERVICES = Set.of(PlatformServices.GATEWAY,
			PlatformServices.USER_SERVICE, PlatformServices.ORDER_SERVICE);

	private static final Set<String> ORDER_SERVICES = Set.of(PlatformServices.GATEWAY, PlatformServices.ORDER_SERVICE,
			PlatformServices.PAYMENT_SERVICE);

	@Test
	void aRegistrationIsOneTraceIntoOrderServicesReplica(Gateway gateway, PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		String traceId = newTraceId();
		String email = "e2e-" + UUID.randomUUID() + "@example.com";
		Gateway.Response registered = gateway.post("/api/auth/register", null,
				Map.of("email", email, "password", Gateway.PASSWORD, "name", "E2E"),
				Map.of("traceparent", traceparent(traceId)));
		assertThat(registered.status()).as("%s", registered).isEqualTo(201);
		assertThat(registered.headers()).containsEntry("x-trace-id", traceId);

		Gateway zipkin = new Gateway(local.url(PlatformServices.ZIPKIN));
		await("the registration's trace in Zipkin, into order-service").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> zipkin.get("/api/v2/trace/" + traceId, null),
					trace -> trace.status() == 200 && services(trace.json()).containsAll(REGISTRATION_SERVICES)
							&& hasKafkaHop(trace.json(), "users.v1", "user-service", "order-service"));
		// The HTTP hops log an access line; the replica's write logs nothing at INFO.
		for (String service : Set.of(PlatformServices.GATEWAY, PlatformServices.USER_SERVICE)) {
			assertThat(logOf(local, service)).as("%s's log has the trace id", service).contains(traceId);
		}
	}

	@Test
	void anOrderIsOneTraceAcrossEveryHopInZipkinAndInEveryLog(Gateway gateway, PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		String token = gateway.newUserToken();
		String traceId = newTraceId();
		String traceparent = traceparent(traceId);

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
					trace -> trace.status() == 200 && services(trace.json()).containsAll(ORDER_SERVICES)
							&& hasProviderCall(trace.json(), pspPort)
							&& hasKafkaHop(trace.json(), "payments.v1", "payment-service", "order-service"))
			.json();
		assertThat(spans.valueStream()
			.anyMatch(span -> "order-service".equals(serviceName(span))
					&& span.path("tags").propertyNames().stream().anyMatch(tag -> tag.startsWith("jdbc."))))
			.as("order-service's SQL statements are spans of the trace: %s", spans)
			.isTrue();

		for (String service : ORDER_SERVICES) {
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

	/** The producer sends an event through its outbox, the consumer receives it. */
	private static boolean hasKafkaHop(JsonNode spans, String topic, String producer, String consumer) {
		return hasSpan(spans, producer, "PRODUCER", topic) && hasSpan(spans, consumer, "CONSUMER", topic);
	}

	private static boolean hasSpan(JsonNode spans, String service, String kind, String topic) {
		return spans.valueStream()
			.anyMatch(span -> service.equals(serviceName(span)) && kind.equals(span.path("kind").asString(""))
					&& span.path("name").asString("").contains(topic));
	}

	private static String newTraceId() {
		return HexFormat.of().formatHex(randomBytes(16));
	}

	private static String traceparent(String traceId) {
		return "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
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
