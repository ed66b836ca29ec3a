package com.example.platform.payment.config;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.client.HttpPaymentProvider;
import com.example.platform.payment.domain.IdempotencyStore;
import com.example.platform.payment.domain.PaymentPolicy;
import com.example.platform.payment.domain.PaymentProvider;
import com.example.platform.payment.domain.PaymentRepository;
import com.example.platform.payment.domain.PaymentService;
import com.example.platform.payment.domain.PendingResolver;
import com.example.platform.payment.domain.RefundRepository;
import com.example.platform.payment.domain.RetryPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Wires the use cases to the database, the provider adapter and the settings.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	@Bean
	PaymentProvider paymentProvider(RestClient.Builder builder, PaymentProperties properties, JsonMapper jsonMapper) {
		PaymentProperties.Provider provider = properties.provider();
		return HttpPaymentProvider.create(builder, provider.baseUrl(), provider.apiKey(), provider.connectTimeout(),
				provider.readTimeout(), jsonMapper);
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
		return new RetryPolicy(resolver.firstDelay(), resolver.backoff(), resolver.maxBackoff(), resolver.maxAttempts(),
				resolver.batchSize());
	}

	@Bean
	PaymentPolicy paymentPolicy(PaymentProperties properties, RetryPolicy retryPolicy) {
		return new PaymentPolicy(properties.currencies(), properties.idempotency().inFlightWait(),
				properties.idempotency().retention(), retryPolicy);
	}

	@Bean
	IdempotencyStore idempotencyStore(JdbcClient jdbc) {
		return new IdempotencyStore(jdbc);
	}

	@Bean
	PaymentService paymentService(PaymentRepository payments, RefundRepository refunds, IdempotencyStore idempotency,
			PaymentProvider provider, TransactionTemplate transactions, PaymentPolicy policy, Clock clock) {
		return new PaymentService(payments, refunds, idempotency, provider, transactions, policy, clock);
	}

	@Bean
	PendingResolver pendingResolver(PaymentRepository payments, RefundRepository refunds, IdempotencyStore idempotency,
			PaymentProvider provider, TransactionTemplate transactions, RetryPolicy retryPolicy, Clock clock) {
		return new PendingResolver(payments, refunds, idempotency, provider, transactions, retryPolicy, clock);
	}

	@Bean
	IdempotencyKeyPurge idempotencyKeyPurge(PaymentService payments) {
		return new IdempotencyKeyPurge(payments);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Purges answered idempotency keys past their retention, on the configured interval.
	 */
	static class IdempotencyKeyPurge {

		private final PaymentService payments;

		IdempotencyKeyPurge(PaymentService payments) {
			this.payments = payments;
		}

		@Scheduled(fixedDelayString = "${platform.payments.idempotency.purge-interval:1h}")
		void purge() {
			this.payments.purgeExpiredIdempotencyKeys();
		}

	}

}
