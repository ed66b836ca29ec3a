package com.example.platform.gateway.security;

import reactor.core.publisher.Mono;

import com.example.platform.edge.BearerTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's {@link ServerBearerTokenAuthenticationConverter} without its regex on
 * the common path: a request without a query string carries its token in the
 * {@code Authorization} header only, which {@link BearerTokens} reads with a loop (same
 * token, same "malformed" error). A request with a query string goes to the default
 * converter, which also refuses a second token in {@code access_token}.
 */
final class FastBearerTokenConverter implements ServerAuthenticationConverter {

	private final ServerBearerTokenAuthenticationConverter fallback = new ServerBearerTokenAuthenticationConverter();

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (request.getURI().getRawQuery() != null) {
			return this.fallback.convert(exchange);
		}
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (!BearerTokens.isBearer(authorization)) {
			return Mono.empty();
		}
		String token = BearerTokens.tokenOf(authorization);
		if (token == null) {
			return Mono
				.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
		}
		return Mono.just(new BearerTokenAuthenticationToken(token));
	}

}
