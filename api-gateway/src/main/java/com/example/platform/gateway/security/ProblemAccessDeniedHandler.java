package com.example.platform.gateway.security;

import reactor.core.publisher.Mono;

import com.example.platform.edge.AuthenticationProblems;
import com.example.platform.edge.EdgeProblemTypes;
import com.example.platform.gateway.web.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code 403} problems, with the RFC 6750 {@code WWW-Authenticate} header.
 */
public class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final ProblemWriter problems;

	/**
	 * @param problems writes the problem bodies
	 */
	public ProblemAccessDeniedHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		return this.problems.write(exchange, HttpStatus.FORBIDDEN, EdgeProblemTypes.FORBIDDEN,
				AuthenticationProblems.FORBIDDEN);
	}

}
