package com.example.platform.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Runs a single-node Kafka broker and KRaft controller in this JVM until SIGTERM: writes
 * {@code server.properties} into the data directory, formats the log directory with
 * Kafka's storage tool on the first start (no {@code meta.properties} yet), then starts
 * Kafka's own {@link KafkaRaftServer}. Arguments: see {@link BrokerSettings}.
 */
public final class KafkaBrokerMain {

	private KafkaBrokerMain() {
	}

	public static void main(String[] args) throws IOException {
		long started = System.nanoTime();
		BrokerSettings settings;
		try {
			settings = BrokerSettings.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("kafka-broker: " + ex.getMessage());
			System.exit(2);
			return;
		}
		Files.createDirectories(settings.logDirectory());
		try (OutputStream out = Files.newOutputStream(settings.configFile())) {
			settings.serverProperties().store(out, "Written by kafka-broker at each start; edits are lost");
		}
		if (!Files.exists(settings.logDirectory().resolve("meta.properties"))) {
			format(settings);
		}
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings.serverProperties(), false),
				Time.SYSTEM);
		// SIGTERM: a controlled shutdown, so the next start needs no log recovery.
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-broker-shutdown"));
		try {
			server.startup();
		}
		catch (Throwable ex) {
			System.err.println("kafka-broker: start failed: " + ex);
			ex.printStackTrace();
			System.exit(1);
		}
		System.out.printf(Locale.ROOT, "kafka-broker: listening on 127.0.0.1:%d (controller %d), started in %.1f s%n",
				settings.port(), settings.controllerPort(),
				Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
		server.awaitShutdown();
	}

	private static void format(BrokerSettings settings) {
		String clusterId = Uuid.randomUuid().toString();
		int status = StorageTool.execute(new String[] { "format", "--config", settings.configFile().toString(),
				"--cluster-id", clusterId, "--ignore-formatted" }, System.out);
		if (status != 0) {
			System.err
				.println("kafka-broker: formatting " + settings.logDirectory() + " failed (status " + status + ")");
			System.exit(status);
		}
	}

}
