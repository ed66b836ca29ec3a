package com.example.platform.order.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The order service's settings ({@code platform.orders.*}).
 *
 * @param userService where the user service is and how long to wait for it
 * @param paymentService where the payment service is and how long to wait for it
 * @param reconciliation the saga's clocks
 */
@ConfigurationProperties("platform.orders")
@Validated
public record OrderProperties(@Valid @NotNull Downstream userService, @Valid @NotNull Downstream paymentService,
		@Valid @DefaultValue Reconciliation reconciliation) {

	/**
	 * Another service this one calls.
	 *
	 * @param baseUrl its base URL
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 * @param retries retries of repeatable calls after a connection failure or a 5xx
	 * @param circuitOpenFor how long a tripped circuit breaker fails calls fast
	 */
	public record Downstream(@NotNull URI baseUrl, @DefaultValue("1s") Duration connectTimeout,
			@DefaultValue("5s") Duration readTimeout, @DefaultValue("1") int retries,
			@DefaultValue("10s") Duration circuitOpenFor) {
	}

	/**
	 * @param interval pause between reconciliation rounds
	 * @param initialDelay pause before the first round
	 * @param grace how long a placing request has before reconciliation may step in
	 * @param retryBase first wait before asking again about an order
	 * @param retryMax longest wait between two attempts
	 * @param lease how long a claimed order stays reserved for the instance that claimed
	 * it
	 */
	public record Reconciliation(@DefaultValue("5s") Duration interval, @DefaultValue("5s") Duration initialDelay,
			@DefaultValue("30s") Duration grace, @DefaultValue("5s") Duration retryBase,
			@DefaultValue("5m") Duration retryMax, @DefaultValue("60s") Duration lease) {
	}

}
