package com.example.platform.user.config;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import com.example.platform.support.security.ProblemSecurityHandlers;
import com.example.platform.user.accounts.PasswordHashing;
import com.example.platform.user.login.AccessTokens;
import com.example.platform.user.login.LoginThrottle;
import com.example.platform.user.security.ConfiguredClients;
import com.example.platform.user.security.JwtAccessTokens;
import com.example.platform.user.security.SigningKeys;
import com.example.platform.user.security.StatelessAuthorizationService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the OAuth2 authorization server's endpoints (client-credentials
 * token, JWK Set, metadata), and the API as a JWT resource server like every other
 * service. Tokens are validated here with the same key and issuer checks the other
 * services apply.
 */
@Configuration(proxyBeanMethods = false)
class TokenIssuerConfiguration {

	/**
	 * Identifies the hash format in stored passwords; change it only with a migration
	 * path.
	 */
	private static final String PASSWORD_HASH_ID = "pbkdf2-sha256";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, ProblemSecurityHandlers problems)
			throws Exception {
		http.oauth2AuthorizationServer(
				authorizationServer -> http.securityMatcher(authorizationServer.getEndpointsMatcher()))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
			.csrf(AbstractHttpConfigurer::disable)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems));
		return http.build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(AuthProperties properties, JdbcClient jdbc) {
		RSAKey key = SigningKeys.load((properties.signingKey() != null) ? properties.signingKey().privateKey() : null,
				jdbc);
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
		return new NimbusJwtEncoder(jwkSource);
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, AuthProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
		return decoder;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// PBKDF2-HMAC-SHA256 with Spring Security's current defaults (310,000
		// iterations): unlike
		// BCrypt it has no 72-byte input limit, so every allowed password (up to 128
		// characters)
		// is hashed in full.
		return new DelegatingPasswordEncoder(PASSWORD_HASH_ID,
				Map.of(PASSWORD_HASH_ID, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new StatelessAuthorizationService();
	}

	@Bean
	RegisteredClientRepository registeredClientRepository(AuthProperties properties, PasswordEncoder encoder) {
		Map<String, ConfiguredClients.Client> clients = properties.clients()
			.entrySet()
			.stream()
			.collect(
					Collectors.toMap(Map.Entry::getKey, entry -> new ConfiguredClients.Client(entry.getValue().secret(),
							entry.getValue().scopes(), entry.getValue().tokenTtl())));
		return new ConfiguredClients(clients, encoder);
	}

	@Bean
	AccessTokens accessTokens(JwtEncoder encoder, AuthProperties properties, Clock clock) {
		return new JwtAccessTokens(encoder, properties.issuer(), properties.accessTokenTtl(), clock);
	}

	/**
	 * The users' password hashes, as many at once as the properties allow (by default one
	 * per core); the waiting requests are the gauge
	 * {@code auth.password.hashing.waiting}.
	 */
	@Bean
	PasswordHashing passwordHashing(PasswordEncoder encoder, AuthProperties properties, MeterRegistry meters) {
		AuthProperties.PasswordHashing settings = properties.passwordHashing();
		int concurrency = (settings.concurrency() > 0) ? settings.concurrency()
				: Runtime.getRuntime().availableProcessors();
		PasswordHashing hashing = new PasswordHashing(encoder, concurrency, settings.maxWait());
		Gauge.builder("auth.password.hashing.waiting", hashing, PasswordHashing::waiting)
			.description("Registrations and logins waiting to hash a password")
			.register(meters);
		return hashing;
	}

	@Bean
	LoginThrottle loginThrottle(AuthProperties properties) {
		return new LoginThrottle(properties.throttle().maxFailures(), properties.throttle().window());
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
