package com.example.platform.testing.kafka;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.testcontainers.kafka.KafkaContainer;

import com.example.platform.testing.docker.DockerOrEmbedded;

import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft) per test JVM: a Testcontainers container when a Docker
 * engine is reachable, otherwise an in-process broker (spring-kafka-test's
 * {@link EmbeddedKafkaKraftBroker}, Kafka's own server classes).
 * <p>
 * Set {@code -Dplatform.test.kafka=embedded} or {@code =testcontainers} to force a
 * choice. The broker stops after the JVM's application contexts have closed, so their
 * consumers leave their groups instead of waiting for a broker that is gone.
 */
public final class KafkaServer {

	/** Image used when Docker is available; the version the build's clients are. */
	static final String IMAGE = "apache/kafka:4.1.2";

	private static final Log logger = LogFactory.getLog(KafkaServer.class);

	private static volatile KafkaServer shared;

	private final String kind;

	private final String bootstrapServers;

	private KafkaServer(String kind, String bootstrapServers) {
		this.kind = kind;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * The broker of this JVM, started on first use.
	 * @return the shared broker
	 */
	public static KafkaServer shared() {
		KafkaServer server = shared;
		if (server == null) {
			synchronized (KafkaServer.class) {
				server = shared;
				if (server == null) {
					server = start();
					shared = server;
				}
			}
		}
		return server;
	}

	/**
	 * @return the broker's address for clients, {@code host:port}
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	private static KafkaServer start() {
		long started = System.nanoTime();
		KafkaServer server = DockerOrEmbedded.start("kafka", KafkaServer::startContainer, KafkaServer::startEmbedded);
		logger.info("Test Kafka: %s at %s, ready in %d ms (set -Dplatform.test.kafka=embedded|testcontainers to choose)"
			.formatted(server.kind, server.bootstrapServers, (System.nanoTime() - started) / 1_000_000));
		return server;
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
	private static KafkaServer startContainer() {
		KafkaContainer container = new KafkaContainer(IMAGE);
		container.start();
		return new KafkaServer("Testcontainers " + IMAGE, container.getBootstrapServers());
	}

	private static KafkaServer startEmbedded() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
		// Services declare their topics; a test that relies on one they do not declare
		// fails here as it would in production.
		broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable", "false"));
		broker.afterPropertiesSet();
		SpringApplication.getShutdownHandlers().add(broker::destroy);
		return new KafkaServer("in-process KRaft broker", broker.getBrokersAsString());
	}

}
