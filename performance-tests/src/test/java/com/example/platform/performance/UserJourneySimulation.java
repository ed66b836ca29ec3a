package com.example.platform.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformOptions;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Two journeys under load, through the gateway. The user journey: register, log in, then
 * read the own profile {@code perf.meRepeat} times. The place-order journey: register,
 * log in, list the products, place an order (a unique {@code Idempotency-Key}, paid with
 * {@code tok_visa} through payment-service and the PSP sandbox), read it back. New users
 * of each journey arrive at {@code perf.rate} and {@code perf.orderRate} per second for
 * {@code perf.duration} seconds (open, bounded workloads). Fails the build when a request
 * fails or the 99th percentile passes {@code perf.p99Ms}.
 * <p>
 * Targets {@code perf.baseUrl} when given (loopback only); otherwise starts the local
 * platform (every service its own process, free ports, fresh data) before the run and
 * stops it after, once it has printed what the run's events did ({@link EventFigures}:
 * commit to broker acknowledgement per event type, the outboxes' rates, occurrence to the
 * consumer's effect) and written them to {@code target/events/results.properties}.
 */
public class UserJourneySimulation extends Simulation {

	private static final String PASSWORD = "correct horse battery staple";

	private final int rate = Integer.getInteger("perf.rate", 4);

	private final int duration = Integer.getInteger("perf.duration", 60);

	private final int orderRate = Integer.getInteger("perf.orderRate", 2);

	private final int meRepeat = Integer.getInteger("perf.meRepeat", 5);

	private final int p99Ms = Integer.getInteger("perf.p99Ms", 3000);

	private final LocalPlatform platform;

	private final URI baseUrl;

	private Instant loadStarted = Instant.now();

	public UserJourneySimulation() {
		String configured = System.getProperty("perf.baseUrl", "");
		if (configured.isBlank()) {
			Path root = PlatformOptions.findProjectRoot(Path.of(""));
			this.platform = LocalPlatform
				.start(PlatformOptions.forTests(root, root.resolve("performance-tests/target/platform")));
			this.baseUrl = this.platform.gatewayUrl();
			Runtime.getRuntime().addShutdownHook(new Thread(this.platform::close, "stop-local-platform"));
			System.out.println("Started the local platform for the load test: gateway " + this.baseUrl);
		}
		else {
			this.platform = null;
			this.baseUrl = URI.create(configured);
		}
		requireLoopback(this.baseUrl);
		warmUp(this.baseUrl);

		HttpProtocolBuilder protocol = http.baseUrl(this.baseUrl.toString())
			.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.shareConnections();

		Iterator<Map<String, Object>> users = Stream
			.generate(() -> Map.<String, Object>of("email", "perf-" + UUID.randomUUID() + "@example.com"))
			.iterator();

		ScenarioBuilder journey = scenario("register, login, me").feed(users)
			.group("journey")
			.on(http("register").post("/api/auth/register")
				.body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\",\"name\":\"Perf\"}"))
				.check(status().is(201)),
					http("login").post("/api/auth/login")
						.body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\"}"))
						.check(status().is(200), jmesPath("accessToken").saveAs("token")),
					repeat(this.meRepeat).on(http("me").get("/api/users/me")
						.header("Authorization", "Bearer #{token}")
						.check(status().is(200), jmesPath("email").isEL("#{email}"))));

		Iterator<Map<String, Object>> customers = Stream
			.generate(() -> Map.<String, Object>of("email", "perf-order-" + UUID.randomUUID() + "@example.com",
					"idempotencyKey", "perf-" + UUID.randomUUID()))
			.iterator();

		ScenarioBuilder placeOrder = scenario("register, login, products, place order, get order").feed(customers)
			.group("order journey")
			.on(http("register (order journey)").post("/api/auth/register")
				.body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\",\"name\":\"Perf\"}"))
				.check(status().is(201)),
					http("login (order journey)").post("/api/auth/login")
						.body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + PASSWORD + "\"}"))
						.check(status().is(200), jmesPath("accessToken").saveAs("token")),
					http("products").get("/api/products")
						.check(status().is(200), jmesPath("[?sku=='COFFEE-BEANS-1KG'] | length(@)").is("1")),
					http("place order").post("/api/orders")
						.header("Authorization", "Bearer #{token}")
						.header("Idempotency-Key", "#{idempotencyKey}")
						.body(StringBody(
								"{\"items\":[{\"sku\":\"COFFEE-BEANS-1KG\",\"quantity\":2},{\"sku\":\"ESPRESSO-CUP\",\"quantity\":1}],\"paymentMethod\":\"tok_visa\"}"))
						.check(status().is(201), jmesPath("status").is("PAID"), jmesPath("total.amount").is("5880"),
								jmesPath("id").saveAs("orderId")),
					http("get order").get("/api/orders/#{orderId}")
						.header("Authorization", "Bearer #{token}")
						.check(status().is(200), jmesPath("status").is("PAID"), jmesPath("id").isEL("#{orderId}")));

		setUp(journey.injectOpen(constantUsersPerSec(this.rate).during(Duration.ofSeconds(this.duration))),
				placeOrder.injectOpen(constantUsersPerSec(this.orderRate).during(Duration.ofSeconds(this.duration))))
			.protocols(protocol)
			.maxDuration(Duration.ofSeconds(this.duration + 120L))
			.assertions(global().failedRequests().percent().is(0.0),
					global().responseTime().percentile(99.0).lt(this.p99Ms),
					details("journey").failedRequests().count().is(0L),
					details("order journey").failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		this.loadStarted = Instant.now();
		System.out.printf(
				"Load: for %d s, %d new users/s each register + login + %d x me, and %d new users/s each register + login + products + place order + get order, against %s%n",
				this.duration, this.rate, this.meRepeat, this.orderRate, this.baseUrl);
	}

	@Override
	public void after() {
		if (this.platform != null) {
			EventFigures events = EventFigures.afterRun(this.platform, this.loadStarted);
			System.out.println(events.table());
			events.write(Path.of(System.getProperty("perf.eventsResults", "target/events/results.properties")));
			this.platform.close();
			System.out
				.println("Stopped the local platform; processes still running: " + this.platform.runningProcesses());
		}
	}

	/**
	 * One unmeasured place-order journey before the load: the first order after a cold
	 * start pays for class loading, the first service token and the first connections of
	 * every hop (seen at over 5 s on 2 cores), which is start-up, not load.
	 */
	private static void warmUp(URI base) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String email = "perf-warmup-" + UUID.randomUUID() + "@example.com";
		send(client, base, "POST", "/api/auth/register", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Warm-up\"}");
		String login = send(client, base, "POST", "/api/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		String token = login.replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");
		send(client, base, "GET", "/api/products", null, null);
		send(client, base, "POST", "/api/orders", token,
				"{\"items\":[{\"sku\":\"ESPRESSO-CUP\",\"quantity\":1}],\"paymentMethod\":\"tok_visa\"}");
		send(client, base, "GET", "/api/users/me", token, null);
	}

	private static String send(HttpClient client, URI base, String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "perf-warmup-" + UUID.randomUUID())
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						"Warm-up " + method + " " + path + ": " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Warm-up " + method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void requireLoopback(URI url) {
		try {
			if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
				throw new IllegalArgumentException(
						"perf.baseUrl must be a loopback address (this load test targets this machine only): " + url);
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Unknown host in perf.baseUrl " + url, ex);
		}
	}

}
