package com.example.platform.local;

import java.util.Collection;
import java.util.Collections;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The whole platform on this machine: a Kafka broker, embedded PostgreSQL with a schema
 * and role per service, and every service in its own JVM. Used by the
 * {@code run-platform} command and, as a library, by the end-to-end and performance
 * tests, which can also stop, kill and restart single services.
 * <p>
 * Closing it stops every service (SIGTERM, then SIGKILL after a grace period), then the
 * broker and PostgreSQL. A run that was itself killed leaves its process ids in
 * {@code <data>/processes}; the next start stops those leftovers first.
 */
public final class LocalPlatform implements AutoCloseable {

	private static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private static final String PIDS_FILE = "processes";

	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(10);

	private final PlatformOptions options;

	private final PlatformDatabase database;

	private final Map<String, ServiceProcess> processes;

	private final Duration databaseStartup;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final long postmasterPid;

	private final List<String> trained = new java.util.concurrent.CopyOnWriteArrayList<>();

	private volatile Duration training = Duration.ZERO;

	private LocalPlatform(PlatformOptions options, PlatformDatabase database, Map<String, ServiceProcess> processes,
			Duration databaseStartup) {
		this.options = options;
		this.database = database;
		this.processes = processes;
		this.databaseStartup = databaseStartup;
		this.postmasterPid = database.postmasterPid().orElse(-1);
	}

	/**
	 * Starts the Kafka broker, PostgreSQL and every service, and returns once all are
	 * ready. The broker starts first, while PostgreSQL starts, and is ready before any
	 * service (or the training of its AOT cache) starts.
	 * @param options what to start and where
	 * @return the running platform; close it to stop everything
	 */
	public static LocalPlatform start(PlatformOptions options) {
		Path data = options.dataDirectory().toAbsolutePath();
		stopLeftovers(data);
		if (options.fresh()) {
			deleteRecursively(data.resolve("postgres"));
			deleteRecursively(data.resolve("kafka"));
			deleteRecursively(data.resolve("logs"));
			deleteRecursively(data.resolve("tmp"));
		}
		String version = platformVersion();
		Map<String, Path> jars = new LinkedHashMap<>();
		for (ServiceDefinition service : options.services()) {
			jars.put(service.name(), service.isService() ? findJar(options.projectRoot(), service.name(), version)
					: findToolJar(options.projectRoot(), service.tool().jarName()));
		}
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (ServiceDefinition service : options.services()) {
			int port = options.randomPorts() ? freePort() : service.defaultPort();
			requireFree(port, service.name());
			ports.put(service.name(), port);
		}
		Map<String, Integer> controlPorts = new LinkedHashMap<>();
		for (ServiceDefinition service : options.services()) {
			if (service.tool() != null && service.tool().defaultControlPort() > 0) {
				int port = options.randomPorts() ? freePort() : service.tool().defaultControlPort();
				requireFree(port, service.name() + " (control)");
				controlPorts.put(service.name(), port);
			}
		}
		Map<String, Integer> managementPorts = new LinkedHashMap<>();
		for (ServiceDefinition service : options.services()) {
			if (service.isService()) {
				int port = options.randomPorts() ? freePort() : service.defaultManagementPort();
				requireFree(port, service.name() + " (management)");
				managementPorts.put(service.name(), port);
			}
		}
		URI zipkin = options.services()
			.stream()
			.filter(service -> service.name().equals(PlatformServices.ZIPKIN))
			.findFirst()
			.map(service -> URI.create("http://127.0.0.1:" + ports.get(service.name())))
			.orElse(null);
		int postgresPort = options.randomPorts() ? freePort() : options.postgresPort();
		requireFree(postgresPort, "PostgreSQL");

		List<String> jvmOptions = ServiceProcess.jvmOptions(options.maxHeap());
		// Each service's extracted layout (keyed on the jar's hash) is made while
		// PostgreSQL starts.
		Map<String, CompletableFuture<FastStart.Layout>> preparing = new LinkedHashMap<>();
		if (options.fastStart()) {
			for (ServiceDefinition service : options.services()) {
				if (service.isService()) {
					Path jar = jars.get(service.name());
					preparing.put(service.name(),
							CompletableFuture.supplyAsync(() -> FastStart.prepare(jar, jvmOptions),
									task -> Thread.ofVirtual().name("prepare-" + service.name()).start(task)));
				}
			}
		}

		// The broker needs nothing from the database: it starts while PostgreSQL does.
		Map<String, ServiceProcess> processes = new LinkedHashMap<>();
		for (ServiceDefinition broker : options.services()) {
			if (broker.isKafkaBroker()) {
				Map<String, String> environment = ServiceEnvironment.of(broker, ports, options.services(), null,
						Map.of(), Map.of(), options.projectRoot());
				processes.put(broker.name(), toolProcess(broker, ports, controlPorts, environment, jars, jvmOptions,
						options.projectRoot(), data));
			}
		}
		List<ServiceProcess> brokers = List.copyOf(processes.values());
		brokers.forEach(ServiceProcess::start);
		writePids(data, brokers);
		long databaseStarted = System.nanoTime();
		PlatformDatabase database;
		try {
			database = PlatformDatabase.start(data, postgresPort, options.services());
		}
		catch (RuntimeException ex) {
			brokers.forEach(broker -> broker.stop(STOP_GRACE));
			throw ex;
		}
		Duration databaseStartup = Duration.ofNanos(System.nanoTime() - databaseStarted);
		LocalPlatform platform = new LocalPlatform(options, database, processes, databaseStartup);
		try {
			platform.awaitReady(brokers);
			database.verifyIsolation();
			Map<String, String> clientSecrets = new LinkedHashMap<>();
			options.services()
				.stream()
				.filter(ServiceDefinition::needsClientCredentials)
				.forEach(service -> clientSecrets.put(service.name(), Secrets.random()));
			Map<String, Map<String, String>> environments = new LinkedHashMap<>();
			for (ServiceDefinition service : options.services()) {
				Map<String, String> environment = new LinkedHashMap<>(
						ServiceEnvironment.of(service, ports, options.services(), database.jdbcUrl(), database.logins(),
								clientSecrets, options.projectRoot()));
				environment.putAll(ServiceEnvironment.operations(service,
						managementPorts.getOrDefault(service.name(), -1), zipkin));
				environments.put(service.name(), environment);
			}
			Map<String, FastStart.Layout> layouts = platform.trainMissingCaches(preparing, jvmOptions, environments);
			List<ServiceProcess> rest = new ArrayList<>();
			for (ServiceDefinition service : options.services()) {
				if (service.isKafkaBroker()) {
					continue;
				}
				ServiceProcess process;
				FastStart.Layout layout = layouts.get(service.name());
				if (service.tool() != null) {
					process = toolProcess(service, ports, controlPorts, environments.get(service.name()), jars,
							jvmOptions, options.projectRoot(), data);
				}
				else {
					Path jar = (layout != null) ? layout.applicationJar() : jars.get(service.name());
					List<String> processOptions = new ArrayList<>(jvmOptions);
					String launchMode = "jar";
					if (layout != null) {
						processOptions.addAll(FastStart.cacheOptions(layout));
						launchMode = layout.hasCache() ? "aot-cache" : "extracted";
					}
					process = new ServiceProcess(service, ports.get(service.name()),
							managementPorts.getOrDefault(service.name(), -1), jar, List.of(),
							environments.get(service.name()), data.resolve("logs").resolve(service.name() + ".log"),
							data.resolve("tmp").resolve(service.name()), processOptions, launchMode);
				}
				processes.put(service.name(), process);
				rest.add(process);
			}
			rest.forEach(ServiceProcess::start);
			platform.writePids();
			platform.awaitReady(rest);
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	/**
	 * A tool's process: its executable jar with its arguments resolved.
	 */
	static ServiceProcess toolProcess(ServiceDefinition tool, Map<String, Integer> ports,
			Map<String, Integer> controlPorts, Map<String, String> environment, Map<String, Path> jars,
			List<String> jvmOptions, Path root, Path data) {
		int controlPort = controlPorts.getOrDefault(tool.name(), -1);
		List<String> arguments = tool.tool()
			.arguments()
			.stream()
			.map(argument -> ServiceEnvironment.resolve(argument, tool, ports, controlPort, root, data))
			.toList();
		return new ServiceProcess(tool, ports.get(tool.name()), -1, jars.get(tool.name()), arguments, environment,
				data.resolve("logs").resolve(tool.name() + ".log"), data.resolve("tmp").resolve(tool.name()),
				jvmOptions, "jar");
	}

	/**
	 * Waits for the extracted layouts and trains, all at once, the AOT caches that are
	 * missing, each service against this platform's database. A layout that could not be
	 * made means that service starts from its executable jar; a failed training, that it
	 * starts without a cache.
	 */
	private Map<String, FastStart.Layout> trainMissingCaches(Map<String, CompletableFuture<FastStart.Layout>> preparing,
			List<String> jvmOptions, Map<String, Map<String, String>> environments) {
		Map<String, FastStart.Layout> layouts = new LinkedHashMap<>();
		preparing.forEach((service, layout) -> {
			try {
				layouts.put(service, layout.join());
			}
			catch (CompletionException ex) {
				System.err.println("local-platform: " + service + " starts from its executable jar: "
						+ ex.getCause().getMessage());
			}
		});
		long started = System.nanoTime();
		Path data = this.options.dataDirectory().toAbsolutePath();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			layouts.forEach((service, layout) -> {
				if (!layout.hasCache()) {
					this.trained.add(service);
					executor.submit(() -> FastStart.train(layout, jvmOptions, environments.get(service),
							data.resolve("tmp").resolve(service), data.resolve("logs").resolve(service + ".log"),
							TRAINING_TIMEOUT));
				}
			});
		}
		if (!this.trained.isEmpty()) {
			this.training = Duration.ofNanos(System.nanoTime() - started);
		}
		return layouts;
	}

	/**
	 * @return the services whose AOT cache this start trained (empty when every cache was
	 * there)
	 */
	public List<String> trainedServices() {
		return List.copyOf(this.trained);
	}

	/**
	 * @return how long this start spent training AOT caches, zero when it trained none
	 */
	public Duration trainingTime() {
		return this.training;
	}

	private void awaitReady(List<ServiceProcess> starting) {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<CompletableFuture<Void>> waits = starting.stream()
				.map(process -> CompletableFuture.runAsync(() -> process.awaitReady(this.options.readinessTimeout()),
						executor))
				.toList();
			CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * @return the gateway's base URL, the platform's entry point
	 */
	public URI gatewayUrl() {
		return url(PlatformServices.GATEWAY);
	}

	/**
	 * @param service a service name
	 * @return its base URL on loopback
	 */
	public URI url(String service) {
		return process(service).url();
	}

	/**
	 * @param service a service's name
	 * @return the base URL of its management server (metrics, prometheus, health), on
	 * loopback
	 */
	public URI managementUrl(String service) {
		URI url = process(service).managementUrl();
		if (url == null) {
			throw new IllegalArgumentException(service + " has no management server");
		}
		return url;
	}

	/**
	 * @param service a service name
	 * @return its process
	 */
	public ServiceProcess process(String service) {
		ServiceProcess process = this.processes.get(service);
		if (process == null) {
			throw new IllegalArgumentException("No service " + service + "; known: " + this.processes.keySet());
		}
		return process;
	}

	/**
	 * @return every service process, in start order
	 */
	public List<ServiceProcess> processes() {
		return List.copyOf(this.processes.values());
	}

	/**
	 * @return each service JVM's maximum heap, e.g. {@code 256m}
	 */
	public String maxHeap() {
		return this.options.maxHeap();
	}

	/**
	 * @return the database, for tests that look behind a service's back
	 */
	public PlatformDatabase database() {
		return this.database;
	}

	/**
	 * @return how long PostgreSQL took to start and get its schemas ready
	 */
	public Duration databaseStartup() {
		return this.databaseStartup;
	}

	/**
	 * @return PostgreSQL's memory, postmaster and backends together (shared pages counted
	 * once)
	 */
	public OptionalLong databaseMemoryKib() {
		OptionalLong pid = this.database.postmasterPid();
		return pid.isPresent() ? ProcessMemory.proportionalKibWithDescendants(pid.getAsLong()) : OptionalLong.empty();
	}

	/**
	 * @return the processes of this platform that are alive: every service JVM (the
	 * broker's too) and the PostgreSQL server, with their pids; empty after
	 * {@link #close()}
	 */
	public List<String> runningProcesses() {
		List<String> running = new ArrayList<>();
		for (ServiceProcess process : this.processes.values()) {
			if (process.isRunning()) {
				running.add(process.name() + " (pid " + process.pid() + ")");
			}
		}
		if (this.postmasterPid > 0 && ProcessMemory.isRunning(this.postmasterPid)) {
			running.add("postgres (pid " + this.postmasterPid + ")");
		}
		return running;
	}

	/**
	 * Stops one service gracefully (SIGTERM) and waits until its process has exited.
	 * @param service the service name
	 */
	public void stopService(String service) {
		process(service).stop(STOP_GRACE);
	}

	/**
	 * Kills one service (SIGKILL), as a crash would, and waits until it is gone.
	 * @param service the service name
	 */
	public void killService(String service) {
		process(service).kill();
	}

	/**
	 * Starts a stopped or killed service again, on the same port with the same
	 * configuration, and waits until it is ready.
	 * @param service the service name
	 */
	public void startService(String service) {
		ServiceProcess process = process(service);
		process.start();
		writePids();
		process.awaitReady(this.options.readinessTimeout());
	}

	/**
	 * Stops every service, then the broker, then PostgreSQL. Safe to call more than once.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		List<ServiceProcess> reverse = new ArrayList<>(this.processes.values());
		Collections.reverse(reverse);
		// The services first, so none loses its broker while it still sends.
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			reverse.stream()
				.filter(process -> !process.definition().isKafkaBroker())
				.forEach(process -> executor.submit(() -> process.stop(STOP_GRACE)));
		}
		reverse.stream()
			.filter(process -> process.definition().isKafkaBroker())
			.forEach(process -> process.stop(STOP_GRACE));
		this.database.close();
		if (this.postmasterPid > 0) {
			// pg_ctl returns once the server stops accepting; wait for the process to
			// end.
			await("PostgreSQL (pid " + this.postmasterPid + ") to exit").atMost(STOP_GRACE)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !ProcessMemory.isRunning(this.postmasterPid));
		}
		try {
			Files.deleteIfExists(this.options.dataDirectory().resolve(PIDS_FILE));
		}
		catch (IOException ex) {
			// the next start checks the listed processes and finds them gone
		}
	}

	private void writePids() {
		writePids(this.options.dataDirectory(), this.processes.values());
	}

	private static void writePids(Path data, Collection<ServiceProcess> processes) {
		StringBuilder lines = new StringBuilder();
		processes.stream()
			.filter(ServiceProcess::isRunning)
			.forEach(process -> lines.append(process.name()).append(' ').append(process.pid()).append('\n'));
		try {
			Files.createDirectories(data);
			Files.writeString(data.resolve(PIDS_FILE), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops what a killed earlier run left behind: its service JVMs (only if they are
	 * still the same Java processes), then its PostgreSQL.
	 */
	private static void stopLeftovers(Path data) {
		Path pids = data.resolve(PIDS_FILE);
		if (Files.isRegularFile(pids)) {
			try {
				for (String line : Files.readAllLines(pids)) {
					String[] parts = line.trim().split(" ");
					if (parts.length != 2) {
						continue;
					}
					ProcessHandle.of(Long.parseLong(parts[1]))
						.filter(handle -> handle.info().commandLine().orElse("").contains(parts[0]))
						.ifPresent(handle -> stopHandle(handle, "leftover " + parts[0]));
				}
				Files.delete(pids);
			}
			catch (IOException | NumberFormatException ex) {
				throw new IllegalStateException("Cannot read " + pids + "; delete it after checking with ps", ex);
			}
		}
		OptionalLong postmaster = PlatformDatabase.readPostmasterPid(data.resolve("postgres"));
		if (postmaster.isPresent()) {
			ProcessHandle.of(postmaster.getAsLong())
				.filter(handle -> handle.info().command().orElse("").contains("postgres"))
				.ifPresent(handle -> stopHandle(handle, "leftover PostgreSQL"));
		}
	}

	private static void stopHandle(ProcessHandle handle, String what) {
		System.err.println("local-platform: stopping " + what + " (pid " + handle.pid() + ") from an earlier run");
		handle.destroy();
		try {
			handle.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			handle.destroyForcibly();
		}
	}

	private static String platformVersion() {
		try (InputStream in = LocalPlatform.class.getResourceAsStream("/local-platform.properties")) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("platform.version");
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("local-platform.properties is missing from the classpath", ex);
		}
	}

	static Path findJar(Path root, String module, String version) {
		Path jar = root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No executable jar " + jar + ". Build it first: ./mvnw -B -pl " + module
					+ " -am package (./run-platform does this)");
		}
		return jar;
	}

	static Path findToolJar(Path root, String jarName) {
		Path jar = root.resolve("local-platform").resolve("target").resolve("tools").resolve(jarName);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + jar
					+ ". The build copies it there: ./mvnw -B -pl local-platform -am package (./run-platform does this)");
		}
		return jar;
	}

	private static int freePort() {
		return FreePorts.take();
	}

	private static void requireFree(int port, String what) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + port + " for " + what
					+ " is already in use on 127.0.0.1. Is another platform running? Stop it (Ctrl-C), or find the owner with: ss -ltnp 'sport = :"
					+ port + "'");
		}
	}

	static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + path, ex);
		}
	}

	/**
	 * @param service a service name
	 * @return its database credentials, when it has a database
	 */
	public Optional<PlatformDatabase.Credentials> credentials(String service) {
		return this.database.credentials(service);
	}

}
