package com.example.platform.payment.config;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The payment service's settings ({@code platform.payments.*}); the idempotency keys'
 * settings are the mechanism's ({@code platform.idempotency.*}).
 *
 * @param currencies the ISO 4217 currencies accepted
 * @param provider where and how to reach the payment provider
 * @param resolver how pending payments and refunds are resolved
 * @param orderEvents how charges requested through order-service's events are made
 */
@ConfigurationProperties("platform.payments")
@Validated
public record PaymentProperties(@NotEmpty Set<@Pattern(regexp = "[A-Z]{3}") String> currencies,
		@Valid @NotNull Provider provider, @Valid @DefaultValue Resolver resolver,
		@Valid @DefaultValue OrderEvents orderEvents) {

	/**
	 * @param baseUrl the provider's base URL (without {@code /v1})
	 * @param apiKey the secret API key, sent as a bearer token
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 */
	public record Provider(@NotNull URI baseUrl, String apiKey, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("10s") Duration readTimeout) {
	}

	/**
	 * @param interval pause between resolver runs
	 * @param firstDelay from creation to the first resolver attempt; must exceed the
	 * provider's connect plus read timeout
	 * @param backoff wait after the first attempt, doubled after each further one
	 * @param maxBackoff longest wait between attempts
	 * @param maxAttempts attempts before the operation fails
	 * @param batchSize operations taken per run
	 */
	public record Resolver(@DefaultValue("15s") Duration interval, @DefaultValue("30s") Duration firstDelay,
			@DefaultValue("30s") Duration backoff, @DefaultValue("15m") Duration maxBackoff,
			@DefaultValue("8") @Positive int maxAttempts, @DefaultValue("50") @Positive int batchSize) {
	}

	/**
	 * @param requester the client id of the service whose {@code PaymentRequested} events
	 * are charged on its behalf: its idempotency keys are scoped to it, so a charge
	 * requested by event and the same charge over HTTP (with its token) are one
	 */
	public record OrderEvents(@DefaultValue("order-service") @NotEmpty String requester) {
	}

}
