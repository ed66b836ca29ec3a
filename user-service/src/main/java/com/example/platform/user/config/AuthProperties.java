package com.example.platform.user.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The token issuer's settings ({@code platform.auth.*}).
 *
 * @param issuer the {@code iss} of every token; services validate against the same value
 * @param accessTokenTtl lifetime of a user's access token
 * @param signingKey the RSA signing key; when absent one is generated once and kept in
 * the service's schema, so restarts keep issued tokens valid
 * @param throttle the failed-login throttle
 * @param clients the platform's own services allowed to get client-credentials tokens, by
 * client id
 */
@ConfigurationProperties("platform.auth")
@Validated
public record AuthProperties(@NotBlank String issuer, @DefaultValue("15m") Duration accessTokenTtl,
		SigningKey signingKey, @Valid @DefaultValue Throttle throttle,
		@Valid @DefaultValue PasswordHashing passwordHashing, Map<String, @Valid Client> clients) {

	public AuthProperties {
		clients = (clients != null) ? Map.copyOf(clients) : Map.of();
	}

	/**
	 * A configured signing key.
	 *
	 * @param privateKey a PKCS#8 PEM file holding an RSA private key (2048 bits or more)
	 */
	public record SigningKey(Resource privateKey) {
	}

	/**
	 * @param maxFailures failed logins allowed per email address in one window
	 * @param window the window, counted from its first failure
	 */
	public record Throttle(@DefaultValue("5") @Positive int maxFailures, @DefaultValue("15m") Duration window) {
	}

	/**
	 * @param concurrency password hashes at once, at most; 0 (the default) for one per
	 * core
	 * @param maxWait how long a registration or login waits for its turn before it is
	 * answered {@code 503} with {@code Retry-After}
	 */
	public record PasswordHashing(@DefaultValue("0") @PositiveOrZero int concurrency,
			@DefaultValue("2s") Duration maxWait) {
	}

	/**
	 * A service of the platform that authenticates with client credentials.
	 *
	 * @param secret its client secret, in clear (from the environment or a secret store)
	 * @param scopes the scopes it may request
	 * @param tokenTtl lifetime of its access tokens
	 */
	public record Client(@NotBlank String secret, @DefaultValue("internal") Set<String> scopes,
			@DefaultValue("5m") Duration tokenTtl) {
	}

}
