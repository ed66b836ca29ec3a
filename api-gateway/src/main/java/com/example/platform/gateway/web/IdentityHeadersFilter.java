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
		List<String> present = null;
		for (String name : exchange.getRequest().getHeaders().headerNames()) {
			if (isIdentityHeader(name)) {
				present = (present != null) ? present : new ArrayList<>();
				present.add(name);
			}
		}
		if (present == null) {
			return chain.filter(exchange);
		}
		List<String> remove = present;
		return chain.filter(exchange.mutate()
			.request(exchange.getRequest().mutate().headers(headers -> remove.forEach(headers::remove)).build())
			.build());
	}

	boolean isIdentityHeader(String name) {
		// Compared ignoring case in place: this runs for every header of every request.
		if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
			return false;
		}
		for (String exactName : this.exact) {
			if (exactName.equalsIgnoreCase(name)) {
				return true;
			}
		}
		for (String prefix : this.prefixes) {
			if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
