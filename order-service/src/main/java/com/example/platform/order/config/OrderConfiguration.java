package com.example.platform.order.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;

import com.example.platform.order.client.HttpPaymentGateway;
import com.example.platform.order.client.HttpUserDirectory;
import com.example.platform.order.client.PaymentServiceApi;
import com.example.platform.order.client.RemoteCalls;
import com.example.platform.order.client.UserServiceApi;
import com.example.platform.order.ordering.CustomerReplica;
import com.example.platform.order.ordering.OrderEvent;
import com.example.platform.order.ordering.PaymentGateway;
import com.example.platform.order.ordering.PaymentRequested;
import com.example.platform.order.ordering.SagaTimings;
import com.example.platform.order.ordering.UserDirectory;
import com.example.platform.order.persistence.ReplicatedUserDirectory;
import com.example.platform.order.reconciliation.ReconciliationQueue;

import com.example.platform.support.events.EventTopics;
import com.example.platform.support.retry.RetryPolicy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Wires the saga: its clocks, and the HTTP clients to the user and payment services —
 * each a {@code @HttpExchange} interface over a {@link RestClient} with its own timeouts,
 * a client-credentials token obtained and cached by Spring Security's OAuth2 client, and
 * a circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

	/** The registration under {@code spring.security.oauth2.client.registration}. */
	static final String REGISTRATION = "platform";

	/** How long a known customer is trusted in memory without reading the replica. */
	private static final java.time.Duration KNOWN_CUSTOMERS_FOR = java.time.Duration.ofMinutes(10);

	/** At most this many confirmed customers are remembered (about 100 bytes each). */
	private static final long KNOWN_CUSTOMERS_MAX = 100_000;

	/** Service tokens are this service's own, not the user's on whose behalf it calls. */
	private static final Authentication SERVICE = new AnonymousAuthenticationToken("order-service", "order-service",
			AuthorityUtils.createAuthorityList("ROLE_SERVICE"));

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The breakers of the calls to the user and payment services, one per dependency.
	 * @return their registry
	 */
	@Bean
	CircuitBreakerRegistry circuitBreakers() {
		return CircuitBreakerRegistry.ofDefaults();
	}

	/**
	 * Every breaker's state, failure rate and calls as
	 * {@code resilience4j.circuitbreaker.*} meters, tagged with the breaker's name
	 * ({@code user-service}, {@code payment-service}).
	 * @param breakers the breakers
	 * @return the binder Boot applies to the meter registry
	 */
	@Bean
	TaggedCircuitBreakerMetrics circuitBreakerMetrics(CircuitBreakerRegistry breakers) {
		return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers);
	}

	/**
	 * {@code orders.reconciliation.backlog}: the orders waiting for reconciliation (a
	 * count query per scrape).
	 * @param queue the reconciliation queue
	 * @return the binder Boot applies to the meter registry
	 */
	@Bean
	MeterBinder reconciliationBacklog(ReconciliationQueue queue) {
		return registry -> Gauge.builder("orders.reconciliation.backlog", queue, ReconciliationQueue::backlog)
			.description("Orders whose payment or refund outcome is not known yet")
			.register(registry);
	}

	/**
	 * The topics this service publishes to, created at start-up when missing.
	 * @param topics this deployment's topic names
	 * @return their declarations
	 */
	@Bean
	KafkaAdmin.NewTopics orderTopics(EventTopics topics) {
		return topics.declare(OrderEvent.TOPIC, PaymentRequested.TOPIC);
	}

	@Bean
	SagaTimings sagaTimings(OrderProperties properties) {
		OrderProperties.Reconciliation reconciliation = properties.reconciliation();
		return new SagaTimings(
				RetryPolicy.unbounded(reconciliation.grace(), reconciliation.retryBase(), reconciliation.retryMax()),
				reconciliation.lease());
	}

	@Bean
	OAuth2AuthorizedClientManager serviceTokenManager(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService authorizedClients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		return manager;
	}

	/**
	 * Customers are checked in memory, then in this service's replica, and only then with
	 * the user service, whose confirmation is recorded in the replica.
	 * @return the user directory orders use
	 */
	@Bean
	UserDirectory userDirectory(CustomerReplica replica, RestClient.Builder builder, OrderProperties properties,
			OAuth2AuthorizedClientManager tokens, OAuth2AuthorizedClientService authorizedClients,
			CircuitBreakerRegistry breakers, Clock clock) {
		HttpUserDirectory userService = new HttpUserDirectory(
				client(builder, properties.userService(), tokens, authorizedClients, UserServiceApi.class),
				remoteCalls("user service", properties.userService(), breakers, clock));
		return new ReplicatedUserDirectory(replica, userService, KNOWN_CUSTOMERS_FOR, KNOWN_CUSTOMERS_MAX);
	}

	@Bean
	PaymentGateway paymentGateway(RestClient.Builder builder, OrderProperties properties,
			OAuth2AuthorizedClientManager tokens, OAuth2AuthorizedClientService authorizedClients,
			CircuitBreakerRegistry breakers, Clock clock) {
		return new HttpPaymentGateway(
				client(builder, properties.paymentService(), tokens, authorizedClients, PaymentServiceApi.class),
				remoteCalls("payment service", properties.paymentService(), breakers, clock));
	}

	private static RemoteCalls remoteCalls(String name, OrderProperties.Downstream downstream,
			CircuitBreakerRegistry breakers, Clock clock) {
		return new RemoteCalls(name, downstream.retries(), java.time.Duration.ofMillis(200),
				downstream.circuitOpenFor(), breakers, clock);
	}

	private static <T> T client(RestClient.Builder builder, OrderProperties.Downstream downstream,
			OAuth2AuthorizedClientManager tokens, OAuth2AuthorizedClientService authorizedClients, Class<T> api) {
		OAuth2ClientHttpRequestInterceptor serviceToken = new OAuth2ClientHttpRequestInterceptor(tokens);
		serviceToken.setClientRegistrationIdResolver(request -> REGISTRATION);
		serviceToken.setPrincipalResolver(request -> SERVICE);
		// A 401 from downstream drops the cached token, so the next call fetches a fresh
		// one.
		serviceToken.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(downstream.connectTimeout())
			// The services speak HTTP/1.1: no h2c upgrade offer on every new
			// connection.
			.version(HttpClient.Version.HTTP_1_1)
			.build());
		requestFactory.setReadTimeout(downstream.readTimeout());
		RestClient restClient = builder.clone()
			.baseUrl(downstream.baseUrl().toString())
			.requestFactory(requestFactory)
			.requestInterceptors(interceptors -> interceptors.addAll(List.of(serviceToken)))
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient)).build().createClient(api);
	}

}
