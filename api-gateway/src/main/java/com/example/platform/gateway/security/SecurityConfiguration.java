package com.example.platform.gateway.security;

import java.time.Clock;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import com.example.platform.edge.FirewallCharacters;
import com.example.platform.gateway.config.AuthProperties;
import com.example.platform.gateway.config.GatewayProperties;
import com.example.platform.gateway.web.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every request needs a valid bearer token except registration, login, reading the price
 * list, the probes ({@code /livez}, {@code /readyz}) and API docs. Tokens are RS256 JWTs
 * checked locally (signature against the user service's JWK Set, issuer, expiry), each
 * distinct token once until it expires ({@link VerifiedTokenCache}); the
 * {@code Authorization} header then travels on unchanged. Unknown paths need a token as
 * well (deny by default), so the 404 for an unknown route goes only to authenticated
 * callers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	@Bean
	static ManagementPort managementPort() {
		return new ManagementPort();
	}

	/**
	 * The management port (metrics, prometheus, health) answers without a token: it binds
	 * to loopback unless a deployment opens it to its scraper, and no route leads to it.
	 * Checked first; exchanges on the gateway's own port never match it.
	 * @param http the builder
	 * @param managementPort the port's matcher
	 * @return the chain
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain managementPortSecurity(ServerHttpSecurity http, ManagementPort managementPort) {
		return http.securityMatcher(managementPort)
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.build();
	}

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemWriter problems) {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
		ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(
					exchanges -> exchanges.pathMatchers(HttpMethod.POST, "/api/auth/register", "/api/auth/login")
						.permitAll()
						.pathMatchers(HttpMethod.GET, "/api/products", "/api/products/**")
						.permitAll()
						.pathMatchers("/livez", "/readyz", "/*/v3/api-docs", "/*/v3/api-docs/**")
						.permitAll()
						.anyExchange()
						.authenticated())
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> {
			})
				.bearerTokenConverter(new FastBearerTokenConverter())
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.build();
	}

	/**
	 * No observation per security filter, authentication and authorization: wrapping each
	 * of the chain's filters cost about as much CPU as the routing itself.
	 * {@code http.server.requests} still times every request, 401s and 403s included.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's strict firewall with its default rules; only the header and
	 * parameter name and value checks are plain loops ({@link FirewallCharacters})
	 * instead of the regexes it runs on every header read.
	 */
	@Bean
	ServerWebExchangeFirewall serverWebExchangeFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(FirewallCharacters::isAllowedName);
		firewall.setAllowedHeaderValues(FirewallCharacters::isAllowedValue);
		firewall.setAllowedParameterNames(FirewallCharacters::isAllowedName);
		return firewall;
	}

	@Bean
	ProblemExchangeRejectedHandler problemExchangeRejectedHandler(ProblemWriter problems) {
		return new ProblemExchangeRejectedHandler(problems);
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(AuthProperties properties, GatewayProperties gatewayProperties) {
		// Own client for the key fetch: short timeouts, so an unreachable key service
		// fails the request quickly (503) instead of hanging it.
		HttpClient httpClient = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
			.responseTimeout(Duration.ofSeconds(3));
		WebClient webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
			.webClient(webClient)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
		GatewayProperties.TokenCache cache = gatewayProperties.tokenCache();
		if (cache.maxEntries() == 0) {
			return decoder;
		}
		return new VerifiedTokenCache(decoder, cache.maxEntries(), cache.maxAge(), Clock.systemUTC());
	}

}
