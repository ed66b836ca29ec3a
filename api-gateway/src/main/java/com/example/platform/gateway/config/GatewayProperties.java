package com.example.platform.gateway.config;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

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
 */
@ConfigurationProperties("platform.gateway")
@Validated
public record GatewayProperties(@DefaultValue("1MB") @NotNull DataSize maxRequestBody, @DefaultValue( {
		"X-User-*", "X-Auth-*", "X-Authenticated-*", "X-Forwarded-User", "X-Forwarded-Email",
		"X-Forwarded-Preferred-Username", "X-Remote-*", "Remote-User", "X-Client-*", "X-Principal", "X-Subject",
		"X-Roles", "X-Scopes", "X-Internal-*", "X-Tenant-Id", "X-Api-Key-Owner",
		"X-Ssl-Client-*" }) @NotEmpty List<String> identityHeaders){

}
