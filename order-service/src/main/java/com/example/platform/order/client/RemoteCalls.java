package com.example.platform.order.client;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import com.example.platform.order.ordering.DependencyUnavailableException;

import org.springframework.core.retry.RetryException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * How this service calls another: through a circuit breaker (so a dead dependency fails
 * fast instead of tying up threads), with a retry only for calls that are safe to repeat,
 * and with every "no useful answer" turned into {@link DependencyUnavailableException}.
 */
public final class RemoteCalls {

	private final String dependency;

	private final CircuitBreaker circuitBreaker;

	private final RetryTemplate retry;

	/**
	 * @param dependency the other service's name, for messages and metrics
	 * @param retries retries of a repeatable call after a connection failure or a 5xx
	 * @param retryDelay wait before a retry
	 * @param openFor how long the circuit stays open before letting a call through again
	 */
	public RemoteCalls(String dependency, int retries, Duration retryDelay, Duration openFor) {
		this.dependency = dependency;
		this.circuitBreaker = CircuitBreaker.of(dependency,
				CircuitBreakerConfig.custom()
					.slidingWindowSize(20)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(50)
					.waitDurationInOpenState(openFor)
					.permittedNumberOfCallsInHalfOpenState(2)
					.recordExceptions(ResourceAccessException.class, HttpServerErrorException.class)
					.build());
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(retries)
			.delay(retryDelay)
			.includes(ResourceAccessException.class, HttpServerErrorException.class, OAuth2AuthorizationException.class)
			.build());
	}

	/**
	 * A call that may be repeated without changing its effect (a read, or a write with an
	 * idempotency key).
	 * @param <T> the result type
	 * @param call the call
	 * @return its result
	 */
	public <T> T repeatable(Supplier<T> call) {
		try {
			return this.retry.execute(() -> once(call));
		}
		catch (RetryException ex) {
			throw unwrap(ex.getCause() != null ? ex.getCause() : ex);
		}
	}

	/**
	 * @return the breaker, for tests and metrics
	 */
	public CircuitBreaker circuitBreaker() {
		return this.circuitBreaker;
	}

	private <T> T once(Supplier<T> call) {
		try {
			return this.circuitBreaker.executeSupplier(call);
		}
		catch (CallNotPermittedException ex) {
			throw new DependencyUnavailableException(this.dependency, ex);
		}
	}

	private RuntimeException unwrap(Throwable failure) {
		// No service token (the token endpoint is down or refuses us) means no call
		// either.
		if (failure instanceof ResourceAccessException || failure instanceof HttpServerErrorException
				|| failure instanceof OAuth2AuthorizationException) {
			return new DependencyUnavailableException(this.dependency, failure);
		}
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		return new IllegalStateException(failure);
	}

}
