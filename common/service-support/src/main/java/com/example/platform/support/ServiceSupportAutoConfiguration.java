package com.example.platform.support;

import io.micrometer.observation.ObservationPredicate;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.edge.BodyLimit;
import com.example.platform.edge.FirewallCharacters;
import com.example.platform.edge.Probes;
import com.example.platform.support.idempotency.IdempotencyKeyArgumentResolver;
import com.example.platform.support.idempotency.IdempotencyProblemAdvice;
import com.example.platform.support.operations.AccessLogFilter;
import com.example.platform.support.operations.ManagementPort;
import com.example.platform.support.operations.RequestIdPropagation;
import com.example.platform.support.problem.PlatformExceptionHandler;
import com.example.platform.support.security.CachingJwtDecoder;
import com.example.platform.support.security.CallerArgumentResolver;
import com.example.platform.support.security.FastBearerTokenResolver;
import com.example.platform.support.security.ProblemSecurityHandlers;
import com.example.platform.support.security.ResourceServerDefaults;
import com.example.platform.support.security.SecurityProblemAdvice;
import com.example.platform.support.web.MethodFilter;
import com.example.platform.support.web.ProblemErrorController;
import com.example.platform.support.web.RequestBodyLimitFilter;
import com.example.platform.support.web.RequestIdFilter;
import com.example.platform.support.web.StrictJsonCustomizer;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the baseline every servlet service gets by depending on
 * {@code service-support}: problem details for every error, request ids, the platform's
 * methods, the body size limit, an access log line per request, the management port's own
 * security, and the resource-server defaults to apply to the service's filter chain.
 */
@AutoConfiguration(before = { ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(ServiceSupportProperties.class)
public class ServiceSupportAutoConfiguration {

	@Bean
	PlatformExceptionHandler platformExceptionHandler() {
		return new PlatformExceptionHandler();
	}

	@Bean
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Right after Boot's HTTP server observation (highest precedence + 1), so the line is
	 * written inside the request's trace, and before every filter that may refuse it.
	 */
	@Bean
	FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
		FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MethodFilter> methodFilter(JsonMapper jsonMapper) {
		FilterRegistrationBean<MethodFilter> registration = new FilterRegistrationBean<>(new MethodFilter(jsonMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ServiceSupportProperties properties,
			JsonMapper jsonMapper) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(new BodyLimit(properties.maxRequestBody().toBytes()), jsonMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
		return registration;
	}

	@Bean
	StrictJsonCustomizer strictJsonCustomizer() {
		return new StrictJsonCustomizer();
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(JsonMapper jsonMapper) {
		return new ProblemSecurityHandlers(jsonMapper);
	}

	@Bean
	IdempotencyProblemAdvice idempotencyProblemAdvice() {
		return new IdempotencyProblemAdvice();
	}

	@Bean
	SecurityProblemAdvice securityProblemAdvice() {
		return new SecurityProblemAdvice();
	}

	/**
	 * Controllers take the caller as a
	 * {@link com.example.platform.support.security.Caller} parameter instead of reading
	 * the token, and a checked
	 * {@link com.example.platform.support.idempotency.IdempotencyKey}.
	 */
	@Bean
	WebMvcConfigurer platformArgumentResolvers() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
				resolvers.add(new IdempotencyKeyArgumentResolver());
			}
		};
	}

	/**
	 * Every service verifies a bearer token once and remembers it until it expires
	 * (profiled: the RSA verification and JSON parse were a fifth of a small request's
	 * CPU).
	 */
	@Bean
	static BeanPostProcessor cachingJwtDecoderPostProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder))
						? new CachingJwtDecoder(decoder, 10_000, Clock.systemUTC()) : bean;
			}
		};
	}

	/**
	 * Spring Security's strict firewall with its default rules; the header and parameter
	 * checks are plain loops ({@link FirewallCharacters}) instead of the regexes it runs
	 * on every header read (7% of a small request's CPU, profiled).
	 * @return the firewall Spring Security picks up
	 */
	@Bean
	@ConditionalOnMissingBean(HttpFirewall.class)
	StrictHttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(FirewallCharacters::isAllowedName);
		firewall.setAllowedHeaderValues(FirewallCharacters::isAllowedValue);
		firewall.setAllowedParameterNames(FirewallCharacters::isAllowedName);
		return firewall;
	}

	/**
	 * The bearer token read without a regex on the common path (6% of a small request's
	 * CPU, profiled); the resource server picks this bean up.
	 * @return the resolver
	 */
	@Bean
	@ConditionalOnMissingBean(BearerTokenResolver.class)
	FastBearerTokenResolver bearerTokenResolver() {
		return new FastBearerTokenResolver();
	}

	@Bean
	ResourceServerDefaults resourceServerDefaults(ProblemSecurityHandlers handlers) {
		return new ResourceServerDefaults(handlers);
	}

	/**
	 * The probes ({@code /livez}, {@code /readyz}) are not observed: no span, no
	 * {@code http.server.requests} sample for an orchestrator's polling.
	 * @return the predicate
	 */
	@Bean
	ObservationPredicate probesNotObserved() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& Probes.isProbe(request.getCarrier().getRequestURI()));
	}

	/**
	 * No observation per security filter, authentication and authorization. The
	 * {@code management.observations.enable.spring.security=false} predicate alone leaves
	 * Spring Security wrapping every filter of the chain in a (no-op) observation, a few
	 * per cent of a request's CPU in the profiles; {@code http.server.requests} and the
	 * server span still cover every request, 401s and 403s included.
	 * @return settings without security observations
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	static ManagementPort managementPort() {
		return new ManagementPort();
	}

	/**
	 * The management port (metrics, prometheus, health) answers without a token: it binds
	 * to loopback unless a deployment opens it to its scraper, and the gateway never
	 * routes to it. Checked first; requests on the application's port never match it, so
	 * there the actuator's paths, if ever served, need a token like the rest of the API.
	 * @param http the builder
	 * @param managementPort the port's matcher
	 * @return the chain
	 * @throws Exception if the chain cannot be built
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain managementPortFilterChain(HttpSecurity http, ManagementPort managementPort) throws Exception {
		return http.securityMatcher(managementPort)
			.authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class OutgoingCalls {

		@Bean
		RequestIdPropagation requestIdPropagation() {
			return new RequestIdPropagation();
		}

	}

}
