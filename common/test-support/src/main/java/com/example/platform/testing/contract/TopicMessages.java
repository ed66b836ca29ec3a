package com.example.platform.testing.contract;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.contract.verifier.messaging.internal.ContractVerifierMessage;
import org.springframework.cloud.contract.verifier.messaging.internal.ContractVerifierMessaging;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans of {@link KafkaContractMessaging}; they take the place of Spring Cloud
 * Contract's defaults, which back off when these exist.
 */
@Configuration(proxyBeanMethods = false)
class TopicMessages {

	/** The header that stands for the record key in contracts. */
	static final String KEY_HEADER = "kafka_messageKey";

	@Bean
	TopicMessageReceiver contractMessageReceiver(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
			@Value("${platform.events.topic-prefix:}") String topicPrefix) {
		return new TopicMessageReceiver(bootstrapServers, topicPrefix);
	}

	@Bean
	TopicMessageSender contractMessageSender(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
			@Value("${platform.events.topic-prefix:}") String topicPrefix) {
		return new TopicMessageSender(bootstrapServers, topicPrefix);
	}

	@Bean
	ContractVerifierMessaging<ContractVerifierMessage> kafkaContractVerifierMessaging(TopicMessageSender sender,
			TopicMessageReceiver receiver) {
		return new ContractVerifierMessaging<>(sender, receiver) {

			@Override
			protected ContractVerifierMessage convert(ContractVerifierMessage message) {
				return message;
			}

		};
	}

}
