package com.example.platform.order.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.DependencyUnavailableException;
import com.example.platform.testing.time.MutableClock;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RemoteCallsTests {

	private final RemoteCalls calls = new RemoteCalls("payment service", 1, Duration.ZERO, Duration.ofMinutes(1));

	@Test
	void retriesAConnectionFailureOnce() {
		AtomicInteger attempts = new AtomicInteger();
		String result = this.calls.repeatable(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw new ResourceAccessException("connection refused");
			}
			return "ok";
		});
		assertThat(result).isEqualTo("ok");
		assertThat(attempts).hasValue(2);
	}

	@Test
	void reportsAPersistentServerErrorAsUnavailable() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(DependencyUnavailableException.class).isThrownBy(() -> this.calls.repeatable(() -> {
			attempts.incrementAndGet();
			throw HttpServerErrorException.create(HttpStatus.BAD_GATEWAY, "bad gateway", null, null, null);
		})).withMessage("The payment service is unavailable. Please retry later.");
		assertThat(attempts).hasValue(2);
	}

	@Test
	void passesClientErrorsThroughWithoutRetrying() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(HttpClientErrorException.class).isThrownBy(() -> this.calls.repeatable(() -> {
			attempts.incrementAndGet();
			throw HttpClientErrorException.create(HttpStatus.NOT_FOUND, "not found", null, null, null);
		}));
		assertThat(attempts).hasValue(1);
	}

	@Test
	void failsFastOnceTheCircuitIsOpen() {
		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(DependencyUnavailableException.class)
				.isThrownBy(() -> this.calls.repeatable(() -> {
					throw new ResourceAccessException("timeout");
				}));
		}
		assertThat(this.calls.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> this.calls.repeatable(attempts::incrementAndGet));
		assertThat(attempts).as("no call reaches the dead dependency").hasValue(0);
	}

	@Test
	void failuresOfAnEarlierOutageDoNotTripTheCircuitOnceCallsSucceed() {
		RemoteCalls quiet = sevenFailuresThenThreeSuccesses(Duration.ofSeconds(RemoteCalls.WINDOW_SECONDS + 1));
		assertThat(quiet.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(quiet.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void recentFailuresStillTripTheCircuitWhenTheyAreMostCalls() {
		RemoteCalls quiet = sevenFailuresThenThreeSuccesses(Duration.ofSeconds(RemoteCalls.WINDOW_SECONDS - 2));
		assertThat(quiet.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
	}

	/**
	 * A quiet dependency: 7 failed calls (fewer than the breaker's minimum of 10), then
	 * {@code pause}, then 3 successful calls.
	 */
	private static RemoteCalls sevenFailuresThenThreeSuccesses(Duration pause) {
		MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
		RemoteCalls quiet = new RemoteCalls("payment service", 0, Duration.ZERO, Duration.ofMinutes(1),
				CircuitBreakerRegistry.ofDefaults(), clock);
		for (int i = 0; i < 7; i++) {
			assertThatExceptionOfType(DependencyUnavailableException.class).isThrownBy(() -> quiet.repeatable(() -> {
				throw new ResourceAccessException("connection refused");
			}));
		}
		clock.advance(pause);
		for (int i = 0; i < 3; i++) {
			assertThat(quiet.repeatable(() -> "ok")).isEqualTo("ok");
		}
		return quiet;
	}

	@Test
	void namesTheBreakerAfterTheDependencyForMetrics() {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
		new RemoteCalls("payment service", 0, Duration.ZERO, Duration.ofMinutes(1), breakers,
				new MutableClock(Instant.EPOCH));
		assertThat(breakers.getAllCircuitBreakers()).extracting(CircuitBreaker::getName)
			.containsExactly("payment-service");
	}

}
