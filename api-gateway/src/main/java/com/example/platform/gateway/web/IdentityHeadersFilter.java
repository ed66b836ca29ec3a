package com.example.platform.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Removes, from every routed request, the headers a service could mistake for an
 * authenticated identity ({@code X-User-Id}, {@code X-Authenticated-User}...). Identity
 * travels only as the verified bearer token in {@code Authorization}.
 */
public class IdentityHeadersFilter implements GlobalFilter, Ordered {

	private final List<String> exact = new ArrayList<>();

	private final List<String> prefixes = new ArrayList<>();

	/**
	 * @param patterns header names; an entry ending in {@code *} is a prefix
	 */
	public IdentityHeadersFilter(List<String> patterns) {
		for (String pattern : patterns) {
			String lower = pattern.trim().toLowerCase(Locale.ROOT);
			if (lower.endsWith("*")) {
				this.prefixes.add(lower.substring(0, lower.length() - 1));
			}
			else {
				this.exact.add(lower);
			}
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		List<String> present = exchange.getRequest()
			.getHeaders()
			.headerNames()
			.stream()
			.filter(this::isIdentityHeader)
			.toList();
		if (present.isEmpty()) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate()
			.request(exchange.getRequest().mutate().headers(headers -> present.forEach(headers::remove)).build())
			.build());
	}

	boolean isIdentityHeader(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(lower)) {
			return false;
		}
		return this.exact.contains(lower) || this.prefixes.stream().anyMatch(lower::startsWith);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
