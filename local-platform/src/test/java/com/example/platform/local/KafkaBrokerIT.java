package com.example.platform.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's Kafka broker as the launcher runs it (its own JVM from the
 * {@code kafka-broker} jar): a topic, a record produced and consumed by a group, the
 * record and the group's offset still there after a restart on the same data (also on
 * other ports, as {@code --random-ports} gives each run), and no process after a stop.
 */
class KafkaBrokerIT {

	private static final Duration READY = Duration.ofSeconds(90);

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final Path root = PlatformOptions.findProjectRoot(Path.of(""));

	private final Path data = Path.of("target", "kafka-broker-it").toAbsolutePath();

	private final ServiceDefinition kafka = PlatformServices.ALL.stream()
		.filter(ServiceDefinition::isKafkaBroker)
		.findFirst()
		.orElseThrow();

	@Test
	void keepsRecordsAndOffsetsAcrossRestartsAndLeavesNoProcessWhenStopped() throws Exception {
		LocalPlatform.deleteRecursively(this.data);
		ServiceProcess broker = broker(FreePorts.take(), FreePorts.take());
		broker.start();
		broker.awaitReady(READY);
		String bootstrap = broker.endpoint();
		assertThat(bootstrap).isEqualTo("127.0.0.1:" + broker.port());
		try (Admin admin = admin(bootstrap)) {
			admin.createTopics(List.of(new NewTopic("kept-records", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			producer.send(new ProducerRecord<>("kept-records", "order-1", "paid")).get(30, TimeUnit.SECONDS);
		}
		assertThat(consume(bootstrap, "first-reader")).containsExactly("order-1=paid");

		long firstPid = broker.pid();
		broker.stop(GRACE);
		assertThat(ProcessMemory.isRunning(firstPid)).isFalse();

		broker.start();
		broker.awaitReady(READY);
		assertThat(consume(bootstrap, "second-reader")).containsExactly("order-1=paid");
		try (Admin admin = admin(bootstrap)) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("first-reader")
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS);
			assertThat(offsets.get(new TopicPartition("kept-records", 0)).offset()).isEqualTo(1);
		}
		long secondPid = broker.pid();
		broker.stop(GRACE);
		assertThat(ProcessMemory.isRunning(secondPid)).isFalse();

		ServiceProcess moved = broker(FreePorts.take(), FreePorts.take());
		moved.start();
		try {
			moved.awaitReady(READY);
			assertThat(consume(moved.endpoint(), "third-reader")).containsExactly("order-1=paid");
		}
		finally {
			long movedPid = moved.pid();
			moved.stop(GRACE);
			assertThat(moved.isRunning()).isFalse();
			assertThat(ProcessMemory.isRunning(movedPid)).isFalse();
		}
	}

	private ServiceProcess broker(int port, int controlPort) {
		Map<String, Integer> ports = Map.of(this.kafka.name(), port);
		return LocalPlatform.toolProcess(this.kafka, ports, Map.of(this.kafka.name(), controlPort),
				this.kafka.environment(),
				Map.of(this.kafka.name(), LocalPlatform.findToolJar(this.root, this.kafka.tool().jarName())),
				ServiceProcess.jvmOptions(PlatformOptions.DEFAULT_MAX_HEAP), this.root, this.data);
	}

	private static Admin admin(String bootstrap) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
	}

	private static List<String> consume(String bootstrap, String group) {
		List<String> seen = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
						false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			consumer.subscribe(Set.of("kept-records"));
			await("a record of kept-records for " + group).atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					seen.add(record.key() + "=" + record.value());
				}
				return !seen.isEmpty();
			});
			consumer.commitSync();
		}
		return seen;
	}

}
