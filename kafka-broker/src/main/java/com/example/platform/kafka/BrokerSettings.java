package com.example.platform.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * What the broker is given (a data directory, a client port and a controller port) and
 * the {@code server.properties} made from it: one node that is both broker and KRaft
 * controller, on 127.0.0.1 only, with every internal topic at replication factor 1.
 *
 * @param dataDirectory where the generated {@code server.properties} and the log
 * directory ({@code log/}) live
 * @param port the clients' port ({@code PLAINTEXT})
 * @param controllerPort the KRaft controller's port ({@code CONTROLLER})
 */
public record BrokerSettings(Path dataDirectory, int port, int controllerPort) {

	static final String USAGE = "Usage: kafka-broker --data-dir DIR --port PORT --controller-port PORT";

	/**
	 * @param args {@code --data-dir DIR --port PORT --controller-port PORT}
	 * @return the settings
	 * @throws IllegalArgumentException on a missing, unknown or malformed option
	 */
	public static BrokerSettings parse(String... args) {
		Path data = null;
		int port = -1;
		int controllerPort = -1;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Option " + option + " needs a value. " + USAGE);
			}
			String value = args[++i];
			switch (option) {
				case "--data-dir" -> data = Path.of(value).toAbsolutePath().normalize();
				case "--port" -> port = port(option, value);
				case "--controller-port" -> controllerPort = port(option, value);
				default -> throw new IllegalArgumentException("Unknown option " + option + ". " + USAGE);
			}
		}
		if (data == null || port < 0 || controllerPort < 0) {
			throw new IllegalArgumentException(USAGE);
		}
		if (port == controllerPort) {
			throw new IllegalArgumentException("--port and --controller-port must differ");
		}
		return new BrokerSettings(data, port, controllerPort);
	}

	private static int port(String option, String value) {
		try {
			int port = Integer.parseInt(value);
			if (port > 0 && port < 65536) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a port number (1-65535), not " + value);
	}

	/**
	 * @return the log directory: partitions, the metadata log and {@code meta.properties}
	 */
	public Path logDirectory() {
		return this.dataDirectory.resolve("log");
	}

	/**
	 * @return the generated {@code server.properties}
	 */
	public Path configFile() {
		return this.dataDirectory.resolve("server.properties");
	}

	/**
	 * The broker's configuration. The controller's address is a static voter list, not a
	 * dynamic quorum: a dynamic quorum keeps the controller's endpoint in its log, and
	 * the launcher's random ports change it from one run to the next.
	 * @return the properties of {@code server.properties}
	 */
	public Properties serverProperties() {
		Properties properties = new Properties();
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@127.0.0.1:" + this.controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + this.port);
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("log.dirs", logDirectory().toString());
		// One node: every internal topic with one replica.
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		// Internal topics with one partition, not 50: nothing to spread on one node,
		// and fewer files and index maps to open.
		properties.setProperty("offsets.topic.num.partitions", "1");
		properties.setProperty("transaction.state.log.num.partitions", "1");
		// A consumer group starts consuming at once, not after 3 s of waiting for peers.
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		// Services declare their topics (NewTopic beans); auto-creation stays on until
		// every one does, so a topic a service forgot still works locally.
		properties.setProperty("auto.create.topics.enable", "true");
		properties.setProperty("num.partitions", "3");
		// The log cleaner (compacted topics such as __consumer_offsets) allocates its
		// dedupe buffer on the heap at start: 128 MB by default, measured as most of the
		// heap. A local broker's compacted topics are small.
		properties.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
		// A share of two cores: fewer request threads than the defaults (3 and 8).
		properties.setProperty("num.network.threads", "2");
		properties.setProperty("num.io.threads", "2");
		return properties;
	}

}
