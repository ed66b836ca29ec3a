package com.example.platform.gateway.security;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Matches the exchanges that arrived on the management server's port (Boot's
 * {@code management.server.port}, which serves the actuator and binds to loopback by
 * default), learnt from the management server's start. Matches nothing while the
 * management server shares the gateway's port.
 */
final class ManagementPort implements ServerWebExchangeMatcher, ApplicationListener<WebServerInitializedEvent> {

	private volatile int port = -1;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if ("management".equals(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		InetSocketAddress local = exchange.getRequest().getLocalAddress();
		int management = this.port;
		return (management > 0 && local != null && local.getPort() == management) ? MatchResult.match()
				: MatchResult.notMatch();
	}

}
