package com.example.platform.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformDatabase;
import com.example.platform.local.PlatformOptions;
import com.example.platform.local.PlatformServices;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitHereIf;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Capacity, open model: three workloads, each offered at rising arrival rates (steps of
 * {@code capacity.stepSeconds}, each {@code capacity.factor} times the one before) first
 * through the gateway, then straight at the service that owns the path, until the 99th
 * percentile passes {@code capacity.p99Ms}. A workload's sustained rate is its highest
 * step under that bound with no error (see {@link Ramp}). The workloads: place an order
 * (pre-obtained token, unique {@code Idempotency-Key}, paid through payment-service and
 * the PSP sandbox) then read it back; {@code GET /api/users/me}; {@code GET
 * /api/products}.
 * <p>
 * Before the load, in the same run: users are registered and logged in (bcrypt is not
 * what this measures), every path is warmed up, and {@code pgbench} runs the order-like
 * transaction on the platform's own PostgreSQL. Every published figure is a ratio of two
 * things measured here, so it survives a noisy machine better than a rate: gateway ÷
 * direct per workload, and gateway orders/s ÷ pgbench tps. They are written to
 * {@code capacity.results}; {@link CapacityGate} compares them with the committed
 * baselines.
 * <p>
 * Starts the local platform (free ports, fresh data) unless {@code capacity.readyFile}
 * names the ready file of a running one ({@code run-platform --ready-file}).
 */
public class CapacitySimulation extends Simulation {

	private static final String PASSWORD = "correct horse battery staple";

	private static final String ORDER_BODY = "{\"items\":[{\"sku\":\"COFFEE-BEANS-1KG\",\"quantity\":2},"
			+ "{\"sku\":\"ESPRESSO-CUP\",\"quantity\":1}],\"paymentMethod\":\"tok_visa\"}";

	private static final List<String> WORKLOADS = List.of("orders", "me", "products");

	private final long p99Ms = Long.getLong("capacity.p99Ms", 100);

	// An order crosses four processes and two databases: its own, wider bound.
	private final long ordersP99Ms = Long.getLong("capacity.orders.p99Ms", 500);

	private final int stepSeconds = Integer.getInteger("capacity.stepSeconds", 2);

	private final int steps = Integer.getInteger("capacity.steps", 18);

	private final double factor = Double.parseDouble(System.getProperty("capacity.factor", "1.2"));

	private final int breaksToStop = Integer.getInteger("capacity.breaksToStop", 2);

	private final int users = Integer.getInteger("capacity.users", 8);

	private final int warmUpRequests = Integer.getInteger("capacity.warmUpRequests", 400);

	private final int pgbenchClients = Integer.getInteger("capacity.pgbench.clients", 8);

	private final int pgbenchSeconds = Integer.getInteger("capacity.pgbench.seconds", 15);

	private final Path root;

	private final LocalPlatform platform;

	private final Map<String, URI> urls;

	private final URI postgres;

	private final List<String> tokens;

	private final List<Ramp> ramps = new ArrayList<>();

	private Instant loadStarted = Instant.now();

	private double pgbenchTps = Double.NaN;

	public CapacitySimulation() {
		this.root = PlatformOptions.findProjectRoot(Path.of(""));
		String readyFile = System.getProperty("capacity.readyFile", "");
		if (readyFile.isBlank()) {
			// Without the trace viewer: Zipkin is a developer's tool, not a hop of any
			// request, and on two cores its span intake would compete with the services
			// the
			// ladder measures. Requests are still traced (the spans are just not
			// exported);
			// the cost of exporting is measured side by side in the README
			// ("Observability").
			this.platform = LocalPlatform.start(
					PlatformOptions.forTests(this.root, this.root.resolve("performance-tests/target/capacity-platform"))
						.withoutService(PlatformServices.ZIPKIN));
			Runtime.getRuntime().addShutdownHook(new Thread(this.platform::close, "stop-local-platform"));
			this.urls = Map.of("gateway", this.platform.gatewayUrl(), "user-service", this.platform.url("user-service"),
					"order-service", this.platform.url("order-service"));
			this.postgres = URI.create("postgresql://postgres@127.0.0.1:" + this.platform.database().port() + "/"
					+ PlatformDatabase.DATABASE);
		}
		else {
			this.platform = null;
			Properties ready = load(Path.of(readyFile));
			this.urls = Map.of("gateway", required(ready, "gateway"), "user-service", required(ready, "user-service"),
					"order-service", required(ready, "order-service"));
			this.postgres = required(ready, "postgres");
		}
		this.urls.values().forEach(CapacitySimulation::requireLoopback);
		requireLoopback(this.postgres);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		this.tokens = IntStream.range(0, this.users).mapToObj(i -> newUserToken(client)).toList();
		warmUp(client);

		HttpProtocolBuilder protocol = http.acceptHeader("application/json")
			.contentTypeHeader("application/json")
			.shareConnections();
		List<PopulationBuilder> chain = new ArrayList<>();
		for (String workload : WORKLOADS) {
			for (String target : List.of("gateway", "direct")) {
				Ramp ramp = new Ramp(target, workload, rates(workload), p99Ms(workload), this.breaksToStop);
				this.ramps.add(ramp);
				for (Ramp.Step step : ramp.steps()) {
					chain.add(scenario(String.format(Locale.ROOT, "%s %s step %d", target, workload, step.index()))
						.exec(exitHereIf(session -> ramp.skip(step.index())))
						.exec(group(String.format(Locale.ROOT, "%s %s @ %.1f/s", target, workload, step.rate()))
							.on(workload(workload, baseUrl(target, workload), step)))
						.injectOpen(constantUsersPerSec(step.rate()).during(Duration.ofSeconds(this.stepSeconds))));
				}
			}
		}
		// One after the other: each step starts when every user of the one before it has
		// finished.
		PopulationBuilder sequence = chain.get(chain.size() - 1);
		for (int i = chain.size() - 2; i >= 0; i--) {
			sequence = chain.get(i).andThen(sequence);
		}
		setUp(sequence).protocols(protocol)
			.maxDuration(Duration.ofSeconds((long) chain.size() * (this.stepSeconds + 10) + 120));
	}

	private List<Double> rates(String workload) {
		double start = Double.parseDouble(System.getProperty("capacity." + workload + ".start", switch (workload) {
			case "orders" -> "20";
			case "me" -> "200";
			default -> "300";
		}));
		List<Double> rates = new ArrayList<>();
		for (int i = 0; i < this.steps; i++) {
			rates.add(Math.round(start * Math.pow(this.factor, i) * 10) / 10.0);
		}
		return rates;
	}

	private long p99Ms(String workload) {
		return workload.equals("orders") ? this.ordersP99Ms : this.p99Ms;
	}

	private URI baseUrl(String target, String workload) {
		if (target.equals("gateway")) {
			return this.urls.get("gateway");
		}
		return this.urls.get(workload.equals("me") ? "user-service" : "order-service");
	}

	private ChainBuilder workload(String workload, URI base, Ramp.Step step) {
		AtomicLong next = new AtomicLong();
		Iterator<Map<String, Object>> feeder = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Map<String, Object> next() {
				long n = next.getAndIncrement();
				return Map.of("token",
						CapacitySimulation.this.tokens.get((int) (n % CapacitySimulation.this.tokens.size())),
						"idempotencyKey", "capacity-" + UUID.randomUUID());
			}

		};
		return switch (workload) {
			case "orders" -> feed(feeder)
				.exec(http("place order").post(base + "/api/orders")
					.header("Authorization", "Bearer #{token}")
					.header("Idempotency-Key", "#{idempotencyKey}")
					.body(StringBody(ORDER_BODY))
					.check(responseTimeInMillis().saveAs("rt1"), status().is(201), jmesPath("status").is("PAID"),
							jmesPath("id").saveAs("orderId")))
				.exec(doIf(session -> !session.isFailed())
					.then(exec(http("get order").get(base + "/api/orders/#{orderId}")
						.header("Authorization", "Bearer #{token}")
						.check(responseTimeInMillis().saveAs("rt2"), status().is(200), jmesPath("status").is("PAID")))))
				.exec(session -> record(step, session, "rt1", "rt2"));
			case "me" -> feed(feeder)
				.exec(http("me").get(base + "/api/users/me")
					.header("Authorization", "Bearer #{token}")
					.check(responseTimeInMillis().saveAs("rt1"), status().is(200)))
				.exec(session -> record(step, session, "rt1"));
			default -> exec(http("products").get(base + "/api/products")
				.check(responseTimeInMillis().saveAs("rt1"), status().is(200)))
				.exec(session -> record(step, session, "rt1"));
		};
	}

	private static Session record(Ramp.Step step, Session session, String... responseTimes) {
		List<Long> millis = new ArrayList<>();
		for (String key : responseTimes) {
			if (session.contains(key)) {
				millis.add((long) session.getInt(key));
			}
		}
		step.record(millis, session.isFailed() || millis.size() < responseTimes.length);
		return session;
	}

	@Override
	public void before() {
		this.loadStarted = Instant.now();
		PgBench pgbench = new PgBench(System.getProperty("capacity.pgbench", "pgbench"),
				this.root.resolve("performance-tests/bench"), this.postgres.getHost(), this.postgres.getPort(),
				this.postgres.getPath().substring(1));
		this.pgbenchTps = pgbench.ordersPerSecond(this.pgbenchClients, this.pgbenchSeconds);
		System.out.printf(Locale.ROOT, "pgbench: %.0f order-like transactions/s at %d clients for %d s%n",
				this.pgbenchTps, this.pgbenchClients, this.pgbenchSeconds);
		System.out.printf(Locale.ROOT,
				"Capacity: %d steps of %d s per workload and target, x%.2f each, p99 bound %d ms (orders %d ms), against %s%n",
				this.steps, this.stepSeconds, this.factor, this.p99Ms, this.ordersP99Ms, this.urls);
	}

	@Override
	public void after() {
		try {
			CapacityResults results = CapacityResults.of(this.ramps, this.pgbenchTps, this.pgbenchClients,
					this.pgbenchSeconds, this.p99Ms, this.ordersP99Ms, this.stepSeconds);
			System.out.println(results.table());
			Path file = Path.of(System.getProperty("capacity.results",
					this.root.resolve("performance-tests/target/capacity/results.properties").toString()));
			results.write(file);
			System.out.println("Capacity results written to " + file);
			if (this.platform != null) {
				// The order ramps' events: commit to acknowledgement, the outboxes'
				// rates,
				// occurrence to the consumers' effects.
				EventFigures events = EventFigures.afterRun(this.platform, this.loadStarted);
				System.out.println(events.table());
				events.write(file.resolveSibling("events.properties"));
			}
		}
		finally {
			if (this.platform != null) {
				this.platform.close();
			}
		}
	}

	private String newUserToken(HttpClient client) {
		String email = "capacity-" + UUID.randomUUID() + "@example.com";
		URI gateway = this.urls.get("gateway");
		send(client, gateway, "POST", "/api/auth/register", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Capacity\"}");
		String login = send(client, gateway, "POST", "/api/auth/login", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		return login.replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");
	}

	/**
	 * Every path of every target, before anything is measured: class loading, JIT and the
	 * first connections of each hop are start-up, not capacity.
	 */
	private void warmUp(HttpClient client) {
		List<Future<String>> calls = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
			for (String target : List.of("gateway", "direct")) {
				for (int i = 0; i < this.warmUpRequests; i++) {
					String token = this.tokens.get(i % this.tokens.size());
					calls.add(executor
						.submit(() -> send(client, baseUrl(target, "me"), "GET", "/api/users/me", token, null)));
					calls.add(executor
						.submit(() -> send(client, baseUrl(target, "products"), "GET", "/api/products", null, null)));
					if (i % 4 == 0) {
						calls.add(executor.submit(() -> send(client, baseUrl(target, "orders"), "POST", "/api/orders",
								token, ORDER_BODY)));
					}
				}
			}
		}
		for (Future<String> call : calls) {
			try {
				call.get();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Warm-up failed", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static String send(HttpClient client, URI base, String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "capacity-warmup-" + UUID.randomUUID())
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException("Preparing " + method + " " + base + path + ": " + response.statusCode()
						+ " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Preparing " + method + " " + base + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (var in = Files.newBufferedReader(file)) {
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the ready file " + file, ex);
		}
	}

	private static URI required(Properties ready, String key) {
		String value = ready.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("The ready file has no " + key
					+ "= line (a launcher older than the capacity simulation does not write postgres=)");
		}
		return URI.create(value.trim());
	}

	private static void requireLoopback(URI url) {
		try {
			if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
				throw new IllegalArgumentException(
						"The capacity simulation targets this machine only (loopback); got " + url);
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Unknown host in " + url, ex);
		}
	}

}
