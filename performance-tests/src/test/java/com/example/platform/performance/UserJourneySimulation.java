package com.example.platform.performance;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
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
 * The user journey under load, through the gateway: register, log in, then read the own
 * profile {@code perf.meRepeat} times. New users arrive at {@code perf.rate} per second
 * for {@code perf.duration} seconds (an open, bounded workload). Fails the build when a
 * request fails or the 99th percentile passes {@code perf.p99Ms}.
 * <p>
 * Targets {@code perf.baseUrl} when given (loopback only); otherwise starts the local
 * platform (every service its own process, free ports, fresh data) before the run and
 * stops it after.
 */
public class UserJourneySimulation extends Simulation {

	private static final String PASSWORD = "correct horse battery staple";

	private final int rate = Integer.getInteger("perf.rate", 4);

	private final int duration = Integer.getInteger("perf.duration", 60);

	private final int meRepeat = Integer.getInteger("perf.meRepeat", 5);

	private final int p99Ms = Integer.getInteger("perf.p99Ms", 3000);

	private final LocalPlatform platform;

	private final URI baseUrl;

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

		setUp(journey.injectOpen(constantUsersPerSec(this.rate).during(Duration.ofSeconds(this.duration))))
			.protocols(protocol)
			.maxDuration(Duration.ofSeconds(this.duration + 120L))
			.assertions(global().failedRequests().percent().is(0.0),
					global().responseTime().percentile(99.0).lt(this.p99Ms),
					details("journey").failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		System.out.printf("Load: %d new users/s for %d s, each register + login + %d x me, against %s%n", this.rate,
				this.duration, this.meRepeat, this.baseUrl);
	}

	@Override
	public void after() {
		if (this.platform != null) {
			this.platform.close();
			System.out
				.println("Stopped the local platform; processes still running: " + this.platform.runningProcesses());
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
