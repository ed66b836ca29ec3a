package com.example.platform.support.idempotency;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Turns the idempotency mechanism on for a service that names its table
 * ({@code platform.idempotency.table}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnProperty("platform.idempotency.table")
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

	@Bean
	IdempotentRequests idempotentRequests(JdbcClient jdbc, JsonMapper json, ObjectProvider<Clock> clock,
			IdempotencyProperties properties) {
		return new IdempotentRequests(jdbc, json, clock.getIfAvailable(Clock::systemUTC), properties);
	}

	@Bean
	IdempotencyPurge idempotencyPurge(IdempotentRequests requests) {
		return new IdempotencyPurge(requests);
	}

}
