package com.example.platform.gateway.security;

import reactor.core.publisher.Mono;

import com.example.platform.edge.EdgeProblemTypes;
import com.example.platform.gateway.web.ProblemWriter;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request Spring Security's firewall refuses (an encoded slash, a path that is not
 * normalised, a header value it does not trust) answers a {@code 400} problem instead of
 * an empty body. The firewall's reason is not echoed: it quotes the request.
 */
class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

	private final ProblemWriter problems;

	ProblemExchangeRejectedHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		return this.problems.write(exchange, HttpStatus.BAD_REQUEST, EdgeProblemTypes.BAD_REQUEST,
				"The request was rejected: its path or headers are not accepted by the platform.");
	}

}
