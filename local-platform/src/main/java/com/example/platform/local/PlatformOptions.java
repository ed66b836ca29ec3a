package com.example.platform.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start the local platform.
 *
 * @param projectRoot the repository root, where each service's {@code target/} jar is
 * @param dataDirectory where PostgreSQL keeps its data and the processes their logs
 * @param fresh whether to delete the data first
 * @param randomPorts whether every process (and PostgreSQL) takes a free port instead of
 * its usual one, so several platforms (tests, builds) can run side by side
 * @param postgresPort PostgreSQL's port when ports are not random
 * @param maxHeap each service JVM's {@code -Xmx}
 * @param readinessTimeout how long a service may take to become ready
 * @param services the processes to run
 * @param fastStart whether services start from their extracted jar with a JDK AOT cache,
 * trained at the first start after a build (see {@link FastStart}); without it, from the
 * executable jar as a deployment without preparation would
 */
public record PlatformOptions(Path projectRoot, Path dataDirectory, boolean fresh, boolean randomPorts,
		int postgresPort, String maxHeap, Duration readinessTimeout, List<ServiceDefinition> services,
		boolean fastStart) {

	/**
	 * PostgreSQL's port in a normal local run (not 5432, to stay clear of an installed
	 * server).
	 */
	public static final int DEFAULT_POSTGRES_PORT = 15432;

	/**
	 * Each service JVM's maximum heap; the other memory settings are in
	 * {@link ServiceProcess#jvmOptions(String)}.
	 */
	public static final String DEFAULT_MAX_HEAP = "256m";

	/**
	 * The usual local run: fixed ports, data in {@code .data/} of the repository, kept
	 * between runs.
	 * @param projectRoot the repository root
	 * @return the options
	 */
	public static PlatformOptions defaults(Path projectRoot) {
		return new PlatformOptions(projectRoot, projectRoot.resolve(".data"), false, false, DEFAULT_POSTGRES_PORT,
				DEFAULT_MAX_HEAP, Duration.ofSeconds(120), PlatformServices.ALL, true);
	}

	/**
	 * For tests: free ports, a fresh data directory of their own.
	 * @param projectRoot the repository root
	 * @param dataDirectory a directory under the test's {@code target/}
	 * @return the options
	 */
	public static PlatformOptions forTests(Path projectRoot, Path dataDirectory) {
		return new PlatformOptions(projectRoot, dataDirectory, true, true, 0, DEFAULT_MAX_HEAP, Duration.ofSeconds(240),
				PlatformServices.ALL, true);
	}

	/**
	 * @param fresh whether to delete the data first
	 * @return a copy
	 */
	public PlatformOptions withFresh(boolean fresh) {
		return new PlatformOptions(this.projectRoot, this.dataDirectory, fresh, this.randomPorts, this.postgresPort,
				this.maxHeap, this.readinessTimeout, this.services, this.fastStart);
	}

	/**
	 * @param dataDirectory the data directory
	 * @return a copy
	 */
	public PlatformOptions withDataDirectory(Path dataDirectory) {
		return new PlatformOptions(this.projectRoot, dataDirectory, this.fresh, this.randomPorts, this.postgresPort,
				this.maxHeap, this.readinessTimeout, this.services, this.fastStart);
	}

	/**
	 * @param randomPorts whether to take free ports
	 * @return a copy
	 */
	public PlatformOptions withRandomPorts(boolean randomPorts) {
		return new PlatformOptions(this.projectRoot, this.dataDirectory, this.fresh, randomPorts, this.postgresPort,
				this.maxHeap, this.readinessTimeout, this.services, this.fastStart);
	}

	/**
	 * @param fastStart whether services start from their extracted jar with an AOT cache
	 * (trained when missing)
	 * @return a copy
	 */
	public PlatformOptions withFastStart(boolean fastStart) {
		return new PlatformOptions(this.projectRoot, this.dataDirectory, this.fresh, this.randomPorts,
				this.postgresPort, this.maxHeap, this.readinessTimeout, this.services, fastStart);
	}

	/**
	 * Adds an environment variable to one process, e.g. short reconciliation intervals
	 * for tests.
	 * @param service the process name
	 * @param variable the variable
	 * @param value its value (placeholders as in {@link ServiceDefinition#environment()})
	 * @return a copy
	 */
	public PlatformOptions withServiceEnvironment(String service, String variable, String value) {
		if (this.services.stream().noneMatch(definition -> definition.name().equals(service))) {
			throw new IllegalArgumentException("No service " + service);
		}
		List<ServiceDefinition> changed = this.services.stream()
			.map(definition -> definition.name().equals(service) ? definition.withEnvironment(variable, value)
					: definition)
			.toList();
		return new PlatformOptions(this.projectRoot, this.dataDirectory, this.fresh, this.randomPorts,
				this.postgresPort, this.maxHeap, this.readinessTimeout, changed, this.fastStart);
	}

	/**
	 * Leaves one process out, e.g. the trace viewer for a leaner run; the services then
	 * export no spans.
	 * @param service the process name
	 * @return a copy
	 */
	public PlatformOptions withoutService(String service) {
		if (this.services.stream().noneMatch(definition -> definition.name().equals(service))) {
			throw new IllegalArgumentException("No service " + service);
		}
		List<ServiceDefinition> changed = this.services.stream()
			.filter(definition -> !definition.name().equals(service))
			.toList();
		return new PlatformOptions(this.projectRoot, this.dataDirectory, this.fresh, this.randomPorts,
				this.postgresPort, this.maxHeap, this.readinessTimeout, changed, this.fastStart);
	}

	/**
	 * Finds the repository root from a directory inside it: the nearest parent holding
	 * {@code mvnw} and a {@code pom.xml}. The system property {@code platform.root} wins.
	 * @param start where to look from
	 * @return the root
	 */
	public static Path findProjectRoot(Path start) {
		String configured = System.getProperty("platform.root");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))
					&& Files.isDirectory(dir.resolve("local-platform"))) {
				return dir;
			}
		}
		throw new IllegalStateException("Cannot find the repository root above " + start
				+ " (a folder with mvnw, pom.xml and local-platform/); set -Dplatform.root");
	}

}
