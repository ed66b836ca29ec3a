package com.example.platform.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher as the tests use it: every service in its own JVM with a bounded heap,
 * nothing left running after close, and a second start on the same data finds the data of
 * the first.
 */
class LocalPlatformIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void runsEachServiceAsItsOwnProcessStopsThemAllAndStartsAgainOnTheSameData() throws Exception {
		Path root = PlatformOptions.findProjectRoot(Path.of(""));
		PlatformOptions options = PlatformOptions.forTests(root,
				Path.of("target", "local-platform-it").toAbsolutePath());
		String email = "keeper-" + UUID.randomUUID() + "@example.com";
		List<Long> pids;
		List<String> cached;
		long postmaster;
		try (LocalPlatform platform = LocalPlatform.start(options)) {
			pids = platform.processes().stream().map(ServiceProcess::pid).toList();
			postmaster = platform.database().postmasterPid().orElseThrow();
			// each service from its extracted jar, with the AOT cache its training run
			// made (without, if that failed: a failed training must not stop a start)
			assertThat(platform.processes()).filteredOn(process -> process.definition().isService())
				.extracting(ServiceProcess::launchMode)
				.isNotEmpty()
				.isSubsetOf("aot-cache", "extracted");
			cached = platform.processes()
				.stream()
				.filter(process -> "aot-cache".equals(process.launchMode()))
				.map(ServiceProcess::name)
				.toList();
			assertThat(pids).hasSize(PlatformServices.ALL.size())
				.doesNotHaveDuplicates()
				.doesNotContain(ProcessHandle.current().pid());
			for (ServiceProcess process : platform.processes()) {
				String commandLine = ProcessHandle.of(process.pid()).orElseThrow().info().commandLine().orElse("");
				assertThat(commandLine).contains("-Xmx256m", process.name());
				assertThat(process.timeToReady()).isNotNull();
			}
			// the broker, its data under the data directory and its address in every
			// service's environment (read from /proc, as the process has it)
			ServiceProcess kafka = platform.process(PlatformServices.KAFKA);
			assertThat(kafka.endpoint()).isEqualTo("127.0.0.1:" + kafka.port());
			assertThat(options.dataDirectory().resolve("kafka/log/meta.properties")).isRegularFile();
			for (ServiceProcess service : platform.processes()) {
				if (service.definition().isService()) {
					assertThat(Files.readString(Path.of("/proc", Long.toString(service.pid()), "environ")).split("\0"))
						.contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + kafka.port());
				}
			}
			assertThat(post(platform.gatewayUrl(), "/api/auth/register",
					"{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"name\":\"Keeper\"}"))
				.isEqualTo(201);
			assertThat(platform.runningProcesses()).hasSize(pids.size() + 1);
		}
		for (long pid : pids) {
			assertThat(ProcessMemory.isRunning(pid)).as("service pid %d after close", pid).isFalse();
		}
		assertThat(ProcessMemory.isRunning(postmaster)).as("postmaster pid %d after close", postmaster).isFalse();
		assertThat(options.dataDirectory().resolve("postgres/postmaster.pid")).doesNotExist();

		try (LocalPlatform again = LocalPlatform.start(options.withFresh(false))) {
			// a cache made by the first start is used, not trained again
			assertThat(again.trainedServices()).doesNotContainAnyElementsOf(cached);
			assertThat(again.processes()).filteredOn(process -> cached.contains(process.name()))
				.extracting(ServiceProcess::launchMode)
				.containsOnly("aot-cache");
			assertThat(post(again.gatewayUrl(), "/api/auth/login",
					"{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}"))
				.isEqualTo(200);
		}
	}

	private int post(URI base, String path, String json) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
