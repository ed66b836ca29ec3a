package com.example.platform.gateway.web;

import java.util.List;

import reactor.core.publisher.Mono;

import com.example.platform.edge.HttpMethods;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The reactive adapter of the platform's method rule ({@link HttpMethods}):
 * {@code TRACE}, {@code CONNECT} and extension methods such as {@code PROPFIND} are
 * refused with {@code 405} and an {@code Allow} header before security or routing sees
 * them (security's firewall would otherwise answer an empty {@code 400}). The gateway
 * does not know which of the ordinary methods a path has: those are routed, and the
 * service answers its own {@code 405}.
 */
public class MethodWebFilter implements WebFilter, Ordered {

	/** Right after the correlation filter, so the refusal carries the request id. */
	public static final int ORDER = CorrelationWebFilter.ORDER + 1;

	private static final List<HttpMethod> SERVED = HttpMethods.SERVED.stream().map(HttpMethod::valueOf).toList();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String method = exchange.getRequest().getMethod().name();
		if (!HttpMethods.isServed(method)) {
			return Mono.error(new MethodNotAllowedException(method, SERVED));
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
