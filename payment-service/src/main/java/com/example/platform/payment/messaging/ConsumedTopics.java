package com.example.platform.payment.messaging;

import com.example.platform.support.events.EventTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service's listeners read, and their dead-letter topics: created at
 * start-up when missing, whichever of producer and consumer starts first.
 */
@Configuration(proxyBeanMethods = false)
class ConsumedTopics {

	@Bean
	KafkaAdmin.NewTopics consumedTopicDeclarations(EventTopics topics) {
		return topics.declareConsumed(PaymentRequestsListener.TOPIC);
	}

}
