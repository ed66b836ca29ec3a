package com.example.platform.order.client;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

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

	/**
	 * The breaker judges the calls of the last this many seconds only. A window counted
	 * in calls would keep an outage's failures until enough new calls pushed them out: on
	 * a quiet service, the first few successful calls after the outage would then trip it
	 * (7 old failures and 3 new successes are 70 % failures).
	 */
	static final int WINDOW_SECONDS = 10;

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
		this(dependency, retries, retryDelay, openFor, CircuitBreakerRegistry.ofDefaults(), Clock.systemUTC());
	}

	/**
	 * @param dependency the other service's name, for messages; its breaker is named
	 * after it with dashes ({@code payment-service}), in {@code breakers} and in metrics
	 * @param retries retries of a repeatable call after a connection failure or a 5xx
	 * @param retryDelay wait before a retry
	 * @param openFor how long the circuit stays open before letting a call through again
	 * @param breakers where the breaker is registered (metrics are bound from there)
	 * @param clock the breaker's clock: its window and its open time
	 */
	public RemoteCalls(String dependency, int retries, Duration retryDelay, Duration openFor,
			CircuitBreakerRegistry breakers, Clock clock) {
		this.dependency = dependency;
		this.circuitBreaker = breakers.circuitBreaker(dependency.replace(' ', '-'),
				CircuitBreakerConfig.custom()
					.slidingWindowType(SlidingWindowType.TIME_BASED)
					.slidingWindowSize(WINDOW_SECONDS)
					.minimumNumberOfCalls(10)
					.failureRateThreshold(50)
					.waitDurationInOpenState(openFor)
					.permittedNumberOfCallsInHalfOpenState(2)
					.recordExceptions(ResourceAccessException.class, HttpServerErrorException.class)
					.clock(clock)
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
