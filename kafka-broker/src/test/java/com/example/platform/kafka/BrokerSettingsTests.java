package com.example.platform.kafka;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BrokerSettingsTests {

	@Test
	void listensOnLoopbackOnlyAsBrokerAndController() {
		Properties properties = BrokerSettings
			.parse("--data-dir", "/data/kafka", "--port", "19092", "--controller-port", "19093")
			.serverProperties();
		assertThat(properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
			.containsEntry("log.dirs", Path.of("/data/kafka/log").toString());
	}

	@Test
	void keepsEveryInternalTopicAtOneReplica() {
		Properties properties = BrokerSettings.parse("--data-dir", "d", "--port", "1", "--controller-port", "2")
			.serverProperties();
		assertThat(properties).containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("group.initial.rebalance.delay.ms", "0")
			.containsEntry("num.partitions", "3");
	}

	@Test
	void rejectsMissingUnknownAndMalformedOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> BrokerSettings.parse("--port", "1"))
			.withMessageContaining("--controller-port");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrokerSettings.parse("--data-dir", "d", "--port", "x", "--controller-port", "2"))
			.withMessageContaining("--port needs a port number");
		assertThatIllegalArgumentException().isThrownBy(() -> BrokerSettings.parse("--verbose", "yes"))
			.withMessageContaining("Unknown option --verbose");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BrokerSettings.parse("--data-dir", "d", "--port", "3", "--controller-port", "3"))
			.withMessageContaining("must differ");
	}

}
