package com.example.platform.support;

import tools.jackson.databind.json.JsonMapper;

import com.example.platform.edge.BodyLimit;
import com.example.platform.support.idempotency.IdempotencyKeyArgumentResolver;
import com.example.platform.support.idempotency.IdempotencyProblemAdvice;
import com.example.platform.support.problem.PlatformExceptionHandler;
import com.example.platform.support.security.CachingJwtDecoder;
import com.example.platform.support.security.CallerArgumentResolver;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the baseline every servlet service gets by depending on
 * {@code service-support}: problem details for every error, request ids, the platform's
 * methods, the body size limit, and the resource-server defaults to apply to the
 * service's filter chain.
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

	@Bean
	FilterRegistrationBean<MethodFilter> methodFilter(JsonMapper jsonMapper) {
		FilterRegistrationBean<MethodFilter> registration = new FilterRegistrationBean<>(new MethodFilter(jsonMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ServiceSupportProperties properties,
			JsonMapper jsonMapper) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(new BodyLimit(properties.maxRequestBody().toBytes()), jsonMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
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

	@Bean
	ResourceServerDefaults resourceServerDefaults(ProblemSecurityHandlers handlers) {
		return new ResourceServerDefaults(handlers);
	}

}
