package com.example.platform.gateway.config;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.channel.ChannelOption;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.edge.BodyLimit;
import com.example.platform.edge.Probes;

import com.example.platform.gateway.web.CorrelationWebFilter;
import com.example.platform.gateway.web.IdentityHeadersFilter;
import com.example.platform.gateway.web.MethodWebFilter;
import com.example.platform.gateway.web.ProblemErrorWebExceptionHandler;
import com.example.platform.gateway.web.ProblemWriter;
import com.example.platform.gateway.web.RequestBodyLimitWebFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Wires the gateway's filters and its problem+json error handling.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

	@Bean
	ProblemWriter problemWriter(JsonMapper jsonMapper) {
		return new ProblemWriter(jsonMapper);
	}

	/**
	 * The probes ({@code /livez}, {@code /readyz}) are not observed: no span, no
	 * {@code http.server.requests} sample for an orchestrator's polling.
	 * @return the predicate
	 */
	@Bean
	ObservationPredicate probesNotObserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& Probes.isProbe(request.getCarrier().getPath().value()));
	}

	@Bean
	CorrelationWebFilter correlationWebFilter(ObjectProvider<Propagator> propagator) {
		return new CorrelationWebFilter(propagator.getIfAvailable());
	}

	@Bean
	RequestBodyLimitWebFilter requestBodyLimitWebFilter(GatewayProperties properties) {
		return new RequestBodyLimitWebFilter(new BodyLimit(properties.maxRequestBody().toBytes()));
	}

	@Bean
	MethodWebFilter methodWebFilter() {
		return new MethodWebFilter();
	}

	@Bean
	IdentityHeadersFilter identityHeadersFilter(GatewayProperties properties) {
		return new IdentityHeadersFilter(properties.identityHeaders());
	}

	/**
	 * The connect timeout is set once on the routing client. Spring Cloud Gateway's own
	 * {@code httpclient.connect-timeout} is applied by copying the client's configuration
	 * on every proxied request.
	 */
	@Bean
	HttpClientCustomizer connectTimeoutCustomizer(GatewayProperties properties) {
		int millis = Math.toIntExact(properties.connectTimeout().toMillis());
		return (httpClient) -> httpClient.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
	}

	@Bean
	ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler(ProblemWriter problemWriter) {
		return new ProblemErrorWebExceptionHandler(problemWriter);
	}

}
