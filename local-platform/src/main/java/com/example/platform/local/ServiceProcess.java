package com.example.platform.local;

import java.nio.file.StandardOpenOption;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One service running as its own JVM, from its executable jar or its extracted layout
 * with an AOT cache ({@link FastStart}), with bounded memory, its own port and
 * environment, and its output in a log file.
 */
public final class ServiceProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final ServiceDefinition definition;

	private final int port;

	private final int managementPort;

	private final Path jar;

	private final List<String> arguments;

	private final Map<String, String> environment;

	private final Path logFile;

	private final Path tmpDirectory;

	private final List<String> jvmOptions;

	private final String launchMode;

	private volatile Process process;

	private volatile long startedNanos;

	private volatile Duration timeToReady;

	ServiceProcess(ServiceDefinition definition, int port, int managementPort, Path jar, List<String> arguments,
			Map<String, String> environment, Path logFile, Path tmpDirectory, List<String> jvmOptions,
			String launchMode) {
		this.definition = definition;
		this.port = port;
		this.managementPort = managementPort;
		this.jar = jar;
		this.arguments = List.copyOf(arguments);
		this.environment = Map.copyOf(environment);
		this.logFile = logFile;
		this.tmpDirectory = tmpDirectory;
		this.jvmOptions = List.copyOf(jvmOptions);
		this.launchMode = launchMode;
	}

	/**
	 * The memory settings of every JVM the platform starts, measured on the 2-core build
	 * machine (README, "Run the platform"). The heap starts small ({@code -Xms48m}) and
	 * grows with what the service keeps (about 40 MB live after load): without
	 * {@code -Xms} the JVM commits 1/64 of the machine's memory at once, the whole
	 * {@code -Xmx} here. Serial GC (no GC threads; each service has a fraction of two
	 * cores), a capped code cache (no metaspace cap: with -XX:MaxMetaspaceSize=160m the
	 * JVM could not write payment-service's AOT cache, "Unable to allocate from 'ro'
	 * region"), small platform-thread stacks (request handling runs on virtual threads),
	 * and an exit on an out-of-memory error rather than a half-working service.
	 * {@code MALLOC_ARENA_MAX} (see {@link #start()}) keeps glibc from one malloc arena
	 * per thread.
	 * @param maxHeap the heap limit, e.g. {@code 256m}
	 * @return the options
	 */
	static List<String> jvmOptions(String maxHeap) {
		return List.of("-Xms48m", "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m", "-Xss512k",
				"-XX:+ExitOnOutOfMemoryError");
	}

	/**
	 * Starts the JVM; returns at once (see {@link #awaitReady(Duration)}).
	 */
	void start() {
		if (isRunning()) {
			throw new IllegalStateException(name() + " is already running (pid " + this.process.pid() + ")");
		}
		try {
			Files.createDirectories(this.tmpDirectory);
			Files.createDirectories(this.logFile.getParent());
			Files.writeString(this.logFile,
					"%n==== local-platform: starting %s on port %d ====%n".formatted(name(), this.port),
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			List<String> command = new ArrayList<>();
			command.add(javaExecutable());
			command.addAll(this.jvmOptions);
			command.add("-Djava.io.tmpdir=" + this.tmpDirectory.toAbsolutePath());
			command.add("-jar");
			command.add(this.jar.toAbsolutePath().toString());
			command.addAll(this.arguments);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.logFile.toFile()))
				.redirectInput(Redirect.from(new File("/dev/null")));
			builder.environment().put("MALLOC_ARENA_MAX", "2");
			builder.environment().putAll(this.environment);
			this.timeToReady = null;
			this.startedNanos = System.nanoTime();
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name(), ex);
		}
	}

	/**
	 * Waits until the service reports itself ready, failing fast when its process exits.
	 * @param timeout the longest wait
	 */
	void awaitReady(Duration timeout) {
		await(name() + " ready on " + (this.definition.isKafkaBroker() ? endpoint() : readinessUri())).atMost(timeout)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(this::isReady);
		this.timeToReady = Duration.ofNanos(System.nanoTime() - this.startedNanos);
	}

	private boolean isReady() {
		Process current = this.process;
		if (current == null || !current.isAlive()) {
			throw new IllegalStateException(name() + " exited"
					+ ((current != null) ? " with status " + current.exitValue() : "")
					+ " before it was ready. Its log " + this.logFile + " ends with:\n" + tail(this.logFile, 40));
		}
		if (this.definition.isKafkaBroker()) {
			return KafkaProbe.answers(this.port, Duration.ofSeconds(2));
		}
		try {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(readinessUri()).timeout(Duration.ofSeconds(2)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Stops the service gracefully (SIGTERM), forcibly after the grace period.
	 * @param grace how long to wait for a graceful exit
	 */
	void stop(Duration grace) {
		Process current = this.process;
		if (current == null || !current.isAlive()) {
			return;
		}
		current.destroy();
		try {
			if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				current.descendants().forEach(ProcessHandle::destroyForcibly);
				current.destroyForcibly();
				current.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			current.destroyForcibly();
		}
	}

	/**
	 * Kills the service at once (SIGKILL), as a crash would.
	 */
	void kill() {
		Process current = this.process;
		if (current == null || !current.isAlive()) {
			return;
		}
		current.destroyForcibly();
		try {
			current.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * @return whether the process is alive
	 */
	public boolean isRunning() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	/**
	 * @return the service's name
	 */
	public String name() {
		return this.definition.name();
	}

	/**
	 * @return its definition
	 */
	public ServiceDefinition definition() {
		return this.definition;
	}

	/**
	 * @return its base URL on loopback
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * @return where clients reach it: its base URL, or for a Kafka broker its bootstrap
	 * address ({@code 127.0.0.1:<port>})
	 */
	public String endpoint() {
		return this.definition.isKafkaBroker() ? KafkaProbe.bootstrap(this.port) : url().toString();
	}

	/**
	 * @return its port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * @return the base URL of its management server (actuator: metrics, prometheus,
	 * health), on loopback; {@code null} for a third-party tool
	 */
	public URI managementUrl() {
		return (this.managementPort > 0) ? URI.create("http://127.0.0.1:" + this.managementPort) : null;
	}

	/**
	 * @return the process id, or -1 when not running
	 */
	public long pid() {
		Process current = this.process;
		return (current != null && current.isAlive()) ? current.pid() : -1;
	}

	/**
	 * @return time from process start to ready, of the latest start; {@code null} before
	 * it was ready
	 */
	public Duration timeToReady() {
		return this.timeToReady;
	}

	/**
	 * @return how it starts: {@code aot-cache} (extracted layout with its AOT cache),
	 * {@code extracted} (without a cache) or {@code jar} (the executable jar)
	 */
	public String launchMode() {
		return this.launchMode;
	}

	/**
	 * @return the log file its output goes to
	 */
	public Path logFile() {
		return this.logFile;
	}

	private URI readinessUri() {
		// A service's readiness group, on its own port (Boot's additional probe path).
		String path = (this.definition.tool() != null) ? this.definition.tool().readinessPath() : "/readyz";
		return URI.create(url() + path);
	}

	private static String javaExecutable() {
		return FastStart.javaExecutable();
	}

	static String tail(Path file, int lines) {
		try {
			List<String> all = Files.readAllLines(file);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(log not readable: " + ex.getMessage() + ")";
		}
	}

}
