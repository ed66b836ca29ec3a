package com.example.platform.payment.config;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.client.HttpPaymentProvider;
import com.example.platform.payment.payments.PaymentPolicy;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.payments.PaymentSettled;
import com.example.platform.payment.payments.PaymentStatus;
import com.example.platform.payment.refunds.RefundRepository;
import com.example.platform.payment.refunds.RefundStatus;
import com.example.platform.payment.resolver.ResolverSettings;
import com.example.platform.support.events.EventTopics;
import com.example.platform.support.retry.RetryPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

/**
 * Builds the provider adapter and the settings objects the use cases take; the service's
 * own classes are found by component scanning.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	@Bean
	HttpPaymentProvider paymentProvider(RestClient.Builder builder, PaymentProperties properties,
			JsonMapper jsonMapper) {
		PaymentProperties.Provider provider = properties.provider();
		return HttpPaymentProvider.create(builder, provider.baseUrl(), provider.apiKey(), provider.connectTimeout(),
				provider.readTimeout(), jsonMapper);
	}

	/**
	 * {@code payments.resolution.backlog}: payments ({@code kind=payment}) and refunds
	 * ({@code kind=refund}) whose provider outcome is not known yet, which the resolver
	 * works through (a count query each per scrape).
	 * @param payments the payments
	 * @param refunds the refunds
	 * @return the binder Boot applies to the meter registry
	 */
	@Bean
	MeterBinder resolutionBacklog(PaymentRepository payments, RefundRepository refunds) {
		return registry -> {
			Gauge.builder("payments.resolution.backlog", () -> payments.countByStatus(PaymentStatus.PENDING))
				.description("Payments and refunds whose provider outcome is not known yet")
				.tag("kind", "payment")
				.register(registry);
			Gauge.builder("payments.resolution.backlog", () -> refunds.countByStatus(RefundStatus.PENDING))
				.description("Payments and refunds whose provider outcome is not known yet")
				.tag("kind", "refund")
				.register(registry);
		};
	}

	/**
	 * The topics this service publishes to, created at start-up when missing.
	 * @param topics this deployment's topic names
	 * @return their declarations
	 */
	@Bean
	KafkaAdmin.NewTopics paymentTopics(EventTopics topics) {
		return topics.declare(PaymentSettled.TOPIC);
	}

	@Bean
	RetryPolicy retryPolicy(PaymentProperties properties) {
		PaymentProperties.Resolver resolver = properties.resolver();
		PaymentProperties.Provider provider = properties.provider();
		if (resolver.firstDelay().compareTo(provider.connectTimeout().plus(provider.readTimeout())) <= 0) {
			// Otherwise the resolver could ask about a payment whose first request is
			// still waiting for the provider.
			throw new IllegalStateException(
					"platform.payments.resolver.first-delay must exceed the provider's connect + read timeout");
		}
		return new RetryPolicy(resolver.firstDelay(), resolver.backoff(), resolver.maxBackoff(),
				resolver.maxAttempts());
	}

	@Bean
	ResolverSettings resolverSettings(PaymentProperties properties) {
		return new ResolverSettings(properties.resolver().batchSize());
	}

	@Bean
	PaymentPolicy paymentPolicy(PaymentProperties properties) {
		return new PaymentPolicy(properties.currencies());
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
