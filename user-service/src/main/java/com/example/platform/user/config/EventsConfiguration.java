package com.example.platform.user.config;

import com.example.platform.support.events.EventTopics;
import com.example.platform.user.accounts.UserRegistered;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service publishes to; the outbox itself comes from service-support.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/**
	 * The topics this service publishes to, created at start-up when missing.
	 * @param topics this deployment's topic names
	 * @return their declarations
	 */
	@Bean
	KafkaAdmin.NewTopics userTopics(EventTopics topics) {
		return topics.declare(UserRegistered.TOPIC);
	}

}
