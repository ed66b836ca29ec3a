package com.example.platform.local;

import java.nio.file.StandardCopyOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code run-platform} command: starts the whole platform, prints where everything is
 * with its start-up time and memory, and stops everything on Ctrl-C or SIGTERM.
 * <p>
 * Options: {@code --fresh} (delete the data first), {@code --data-dir
 *
<dir>
 * } (default {@code .data} in the repository), {@code --random-ports} (free ports instead
 * of 8080, 8081..., 15432), {@code --ready-file <file>} (write the URLs there once ready,
 * for scripts), {@code --no-fast-start} (services from their executable jars, see
 * {@link FastStart}), {@code --no-zipkin} (no trace viewer), {@code --no-kafka} (no
 * message broker).
 */
public final class LocalPlatformMain {

	private LocalPlatformMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		long launcherStarted = System.nanoTime();
		PlatformOptions options = PlatformOptions.defaults(PlatformOptions.findProjectRoot(Path.of("")));
		Path readyFile = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--fresh" -> options = options.withFresh(true);
				case "--no-fast-start" -> options = options.withFastStart(false);
				case "--no-zipkin" -> options = options.withoutService(PlatformServices.ZIPKIN);
				case "--no-kafka" -> options = options.withoutService(PlatformServices.KAFKA);
				case "--random-ports" -> options = options.withRandomPorts(true);
				case "--data-dir" -> options = options.withDataDirectory(Path.of(value(args, ++i)).toAbsolutePath());
				case "--ready-file" -> readyFile = Path.of(value(args, ++i)).toAbsolutePath();
				case "--help", "-h" -> {
					usage(System.out);
					return;
				}
				default -> {
					System.err.println("Unknown option " + args[i]);
					usage(System.err);
					System.exit(2);
				}
			}
		}
		PrintStream out = System.out;
		out.println("local-platform: starting PostgreSQL and " + options.services().size() + " processes (data in "
				+ options.dataDirectory() + (options.fresh() ? ", fresh" : "") + ")");
		LocalPlatform platform;
		try {
			platform = LocalPlatform.start(options);
		}
		catch (RuntimeException ex) {
			System.err.println("local-platform: start failed: " + ex.getMessage());
			System.exit(1);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println();
			out.println("local-platform: stopping every service, then the broker and PostgreSQL...");
			long stopping = System.nanoTime();
			platform.close();
			List<String> left = platform.runningProcesses();
			out.println("local-platform: stopped in " + seconds(Duration.ofNanos(System.nanoTime() - stopping))
					+ (left.isEmpty() ? "; no process left." : "; STILL RUNNING: " + left));
			stopped.countDown();
		}, "local-platform-stop"));
		Duration sinceLauncher = Duration.ofNanos(System.nanoTime() - launcherStarted);
		// The launcher now waits for Ctrl-C: give back the heap that unpacking
		// PostgreSQL's binaries (a 64 MB XZ dictionary, first start on a data folder)
		// made it grow to. Serial GC shrinks the heap a step per full collection, so one
		// is not enough: measured, RSS 197 MB after one, 80 MB after five.
		for (int i = 0; i < 5; i++) {
			System.gc();
		}
		printReport(out, platform, sinceLauncher);
		if (readyFile != null) {
			writeReadyFile(readyFile, platform);
		}
		stopped.await();
	}

	static void printReport(PrintStream out, LocalPlatform platform, Duration sinceLauncher) {
		out.println();
		out.println("Platform ready in " + seconds(sinceLauncher) + " (launcher start to every service ready)"
				+ sinceRunCommand());
		out.println();
		out.println("  Gateway (entry point): " + platform.gatewayUrl());
		platform.processes()
			.stream()
			.filter(process -> process.name().equals(PlatformServices.ZIPKIN))
			.findFirst()
			.ifPresent(zipkin -> out.println("  Traces (Zipkin):       " + zipkin.url()
					+ "/zipkin/  (every request; its trace id is the X-Trace-Id response header)"));
		platform.processes()
			.stream()
			.filter(process -> process.definition().isKafkaBroker())
			.findFirst()
			.ifPresent(kafka -> out.println("  Kafka (bootstrap):     " + kafka.endpoint()
					+ "  (every service's SPRING_KAFKA_BOOTSTRAP_SERVERS)"));
		out.println();
		out.printf(Locale.ROOT, "  %-16s %-27s %-12s %-8s %-10s %s%n", "process", "url", "ready after", "memory",
				"start", "log");
		out.printf(Locale.ROOT, "  %-16s %-27s %-12s %-8s %-10s %s%n", "postgres",
				"127.0.0.1:" + platform.database().port(), seconds(platform.databaseStartup()),
				ProcessMemory.format(platform.databaseMemoryKib()), "-",
				platform.processes().get(0).logFile().resolveSibling("postgres.log"));
		for (ServiceProcess process : platform.processes()) {
			out.printf(Locale.ROOT, "  %-16s %-27s %-12s %-8s %-10s %s%n", process.name(), process.endpoint(),
					seconds(process.timeToReady()), ProcessMemory.format(ProcessMemory.residentKib(process.pid())),
					process.launchMode(), process.logFile());
		}
		out.printf(Locale.ROOT, "  %-16s %-27s %-12s %-8s%n", "launcher", "-", "-",
				ProcessMemory.format(ProcessMemory.residentKib(ProcessHandle.current().pid())));
		out.println();
		out.println("  memory: resident set (RSS) of each JVM; for postgres the proportional set (PSS) summed over");
		out.println("  the postmaster and its backends, so shared buffers count once.");
		out.println("  start: aot-cache = extracted jar with the JDK AOT cache of this build; extracted = without");
		out.println("  (training failed, see the log); jar = the executable jar.");
		if (!platform.trainedServices().isEmpty()) {
			out.println("  AOT caches trained at this start (once per build) for "
					+ String.join(", ", platform.trainedServices()) + " in " + seconds(platform.trainingTime())
					+ " (in the platform's time, not in each process's).");
		}
		out.println("  Schema isolation checked: " + String.join("; ", platform.database().verifyIsolation()));
		out.println("  Each service: own JVM (" + String.join(" ", ServiceProcess.jvmOptions(platform.maxHeap()))
				+ "), own port on 127.0.0.1, own database role.");
		out.println(
				"  Operations (loopback only, no token): /actuator/prometheus, /actuator/metrics on "
						+ platform.processes()
							.stream()
							.filter(process -> process.managementUrl() != null)
							.map(process -> process.name() + " " + process.managementUrl().getPort())
							.collect(java.util.stream.Collectors.joining(", "))
						+ ". Logs are JSON lines (ECS) with traceId.");
		out.println();
		out.println("Try:  curl -s " + platform.gatewayUrl() + "/readyz");
		out.println("Ctrl-C (or SIGTERM) stops every service, then the broker and PostgreSQL.");
	}

	private static String sinceRunCommand() {
		String started = System.getenv("PLATFORM_RUN_STARTED_MS");
		if (started == null || started.isBlank()) {
			return "";
		}
		try {
			long millis = System.currentTimeMillis() - Long.parseLong(started.trim());
			return "; " + seconds(Duration.ofMillis(millis)) + " after the run command (build included)";
		}
		catch (NumberFormatException ex) {
			return "";
		}
	}

	private static void writeReadyFile(Path file, LocalPlatform platform) {
		StringBuilder content = new StringBuilder();
		content.append("gateway=").append(platform.gatewayUrl()).append('\n');
		for (ServiceProcess process : platform.processes()) {
			content.append(process.name()).append('=').append(process.endpoint()).append('\n');
		}
		// For benchmark scripts: the database (its superuser is trusted on loopback
		// only: no secret here) and each process, to read its CPU time from /proc.
		content.append("postgres=postgresql://postgres@127.0.0.1:")
			.append(platform.database().port())
			.append('/')
			.append(PlatformDatabase.DATABASE)
			.append('\n');
		for (ServiceProcess process : platform.processes()) {
			content.append(process.name()).append(".pid=").append(process.pid()).append('\n');
			if (process.managementUrl() != null) {
				content.append(process.name()).append(".management=").append(process.managementUrl()).append('\n');
			}
		}
		content.append("pid=").append(ProcessHandle.current().pid()).append('\n');
		try {
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(tmp, content);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			System.err.println("local-platform: cannot write " + file + ": " + ex.getMessage());
		}
	}

	static String seconds(Duration duration) {
		return (duration != null) ? String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0) : "-";
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			System.err.println("Option " + args[index - 1] + " needs a value");
			System.exit(2);
		}
		return args[index];
	}

	private static void usage(PrintStream out) {
		out.println("""
				Usage: ./run-platform [--fresh] [--random-ports] [--data-dir DIR] [--ready-file FILE] [--no-fast-start]
				                      [--no-zipkin] [--no-kafka]
				  --fresh          delete the database, Kafka's data and logs first (default: keep them in .data/)
				  --random-ports   free ports instead of 8080 (gateway), 8081 (user-service), 8082 (order-service),
				                   8083 (payment-service), 8090 (PSP sandbox), 9411 (Zipkin), 15432 (PostgreSQL),
				                   19092/19093 (Kafka, clients/controller) and 9080-9083 (management ports)
				  --data-dir DIR   where PostgreSQL and Kafka data, logs and temp files go (default: .data)
				  --ready-file F   once ready, write URLs, database URL and pids to F (key=value)
				  --no-fast-start  start each service from its executable jar, without the extracted layout
				                   and the JDK AOT cache (trained at the first start after a build)
				  --no-zipkin      no trace viewer: services still trace (ids in logs and X-Trace-Id) but export
				                   nothing; starts faster and leaves Zipkin's CPU and memory to the services
				  --no-kafka       no message broker (the services get no SPRING_KAFKA_BOOTSTRAP_SERVERS)""");
	}

}
