package com.example.platform.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code run-platform} command as a user runs it, in its own JVM: it prints its
 * report and, on SIGTERM, stops everything; when it is killed instead (SIGKILL), the
 * services it leaves behind are stopped by the next start.
 */
class LocalPlatformCommandIT {

	private final Path root = PlatformOptions.findProjectRoot(Path.of(""));

	private final Path data = Path.of("target", "local-platform-command-it").toAbsolutePath();

	@Test
	void printsItsReportAndStopsEverythingOnSigterm() throws Exception {
		Launched launched = launch("--fresh");
		String report = Files.readString(launched.output());
		assertThat(report).contains("Platform ready in", "Gateway (entry point): http://127.0.0.1:", "user-service",
				"payment-service", "order-service", "psp-sandbox", "api-gateway", "postgres",
				"Kafka (bootstrap):     127.0.0.1:", "  kafka            127.0.0.1:",
				"Schema isolation checked: user_service owns users", "order_service owns orders",
				"payment_service owns payments");
		List<Long> services = servicePids();
		assertThat(services).hasSize(PlatformServices.ALL.size()).allMatch(ProcessMemory::isRunning);
		assertThat(Files.readString(launched.readyFile())).contains("gateway=http://127.0.0.1:",
				"postgres=postgresql://postgres@127.0.0.1:", "api-gateway.pid=", "order-service.pid=",
				"kafka=127.0.0.1:", "kafka.pid=");

		launched.process().destroy(); // SIGTERM, as Ctrl-C or kill would
		assertThat(launched.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(Files.readString(launched.output())).contains("no process left.");
		assertThat(services).noneMatch(ProcessMemory::isRunning);
		assertThat(this.data.resolve("processes")).doesNotExist();
		assertThat(this.data.resolve("postgres/postmaster.pid")).doesNotExist();
	}

	@Test
	void stopsWhatAKilledRunLeftBehindBeforeStartingAgain() throws Exception {
		Launched launched = launch("--fresh");
		List<Long> leftovers = servicePids();
		long postmaster = PlatformDatabase.readPostmasterPid(this.data.resolve("postgres")).orElseThrow();

		launched.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
		assertThat(launched.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(leftovers).allMatch(ProcessMemory::isRunning);

		PlatformOptions options = PlatformOptions.forTests(this.root, this.data).withFresh(false);
		try (LocalPlatform again = LocalPlatform.start(options)) {
			assertThat(leftovers).noneMatch(ProcessMemory::isRunning);
			assertThat(ProcessMemory.isRunning(postmaster)).isFalse();
			assertThat(again.runningProcesses()).hasSize(PlatformServices.ALL.size() + 1);
		}
	}

	private Launched launch(String... extra) throws IOException {
		Path readyFile = this.data.resolveSibling("local-platform-command-it.ready");
		Path output = this.data.resolveSibling("local-platform-command-it.out");
		Files.createDirectories(this.data);
		Files.deleteIfExists(readyFile);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
						"-Dplatform.root=" + this.root, "-cp", System.getProperty("java.class.path"),
						LocalPlatformMain.class.getName(), "--random-ports", "--data-dir", this.data.toString(),
						"--ready-file", readyFile.toString()));
		command.addAll(List.of(extra));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.redirectInput(new File("/dev/null"))
			.start();
		await("the command to report ready").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				assertThat(process.isAlive()).as("launcher alive; output: %s", Files.readString(output)).isTrue();
				return Files.exists(readyFile);
			});
		return new Launched(process, output, readyFile);
	}

	private List<Long> servicePids() throws IOException {
		return Files.readAllLines(this.data.resolve("processes"))
			.stream()
			.map(line -> Long.parseLong(line.split(" ")[1]))
			.toList();
	}

	private record Launched(Process process, Path output, Path readyFile) {
	}

}
