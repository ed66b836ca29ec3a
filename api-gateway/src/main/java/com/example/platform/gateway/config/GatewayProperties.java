package com.example.platform.gateway.config;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings ({@code platform.gateway.*}); routes and HTTP client
 * timeouts are Spring Cloud Gateway's ({@code spring.cloud.gateway.server.webflux.*}).
 *
 * @param maxRequestBody the largest request body the gateway forwards (default 1 MB)
 * @param identityHeaders request headers a client must not send, because a service could
 * mistake them for an authenticated identity; removed before routing. An entry ending in
 * {@code *} removes every header starting with it. Case-insensitive.
 * @param tokenCache how many checked bearer tokens the gateway remembers, and for how
 * long
 */
@ConfigurationProperties("platform.gateway")
@Validated
public record GatewayProperties(@DefaultValue("1MB") @NotNull DataSize maxRequestBody, @DefaultValue( {
		"X-User-*", "X-Auth-*", "X-Authenticated-*", "X-Forwarded-User", "X-Forwarded-Email",
		"X-Forwarded-Preferred-Username", "X-Remote-*", "Remote-User", "X-Client-*", "X-Principal", "X-Subject",
		"X-Roles", "X-Scopes", "X-Internal-*", "X-Tenant-Id", "X-Api-Key-Owner",
		"X-Ssl-Client-*" }) @NotEmpty List<String> identityHeaders, @DefaultValue @Valid @NotNull TokenCache tokenCache,
		@DefaultValue("1s") @NotNull Duration connectTimeout){

	/**
	 * Bearer tokens whose signature and claims checked out are remembered until they
	 * expire, so each is verified once rather than on every request.
	 *
	 * @param maxEntries the most tokens remembered, least recently used dropped first; 0
	 * checks every token on every request
	 * @param maxAge the longest a token is remembered, however late its expiry, so a
	 * remembered token is checked against the current signing keys again at least this
	 * often
	 */
	public record TokenCache(@DefaultValue("10000") @PositiveOrZero long maxEntries,
			@DefaultValue("5m") @NotNull Duration maxAge) {

	}

}
