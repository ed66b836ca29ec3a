package com.example.platform.gateway.config;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway checks bearer tokens ({@code platform.auth.*}, the same keys every
 * service reads).
 *
 * @param issuer the {@code iss} every token must carry (the user service's
 * {@code PLATFORM_AUTH_ISSUER})
 * @param jwkSetUri where the user service publishes the public signing keys
 */
@ConfigurationProperties("platform.auth")
@Validated
public record AuthProperties(@NotBlank String issuer, @NotNull URI jwkSetUri) {

}
