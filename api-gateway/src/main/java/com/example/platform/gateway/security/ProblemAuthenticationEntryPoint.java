package com.example.platform.gateway.security;

import reactor.core.publisher.Mono;

import com.example.platform.edge.AuthenticationProblems;
import com.example.platform.edge.EdgeProblemTypes;
import com.example.platform.gateway.web.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code 401} problems for a missing, malformed, forged, expired or foreign token, with
 * the RFC 6750 {@code WWW-Authenticate} header; {@code 503} when the token could not be
 * checked because the signing keys could not be fetched.
 */
public class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ProblemWriter problems;

	/**
	 * @param problems writes the problem bodies
	 */
	public ProblemAuthenticationEntryPoint(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, EdgeProblemTypes.SERVICE_UNAVAILABLE,
					"The token cannot be checked right now: the platform's signing keys are unavailable. Retry later.");
		}
		String detail = describe(ex);
		if (ex instanceof InvalidBearerTokenException) {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.WWW_AUTHENTICATE,
						"Bearer error=\"invalid_token\", error_description=\"" + detail.replace("\"", "'") + "\"");
		}
		else {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, EdgeProblemTypes.UNAUTHENTICATED, detail);
	}

	static String describe(AuthenticationException ex) {
		return AuthenticationProblems.describe(ex instanceof InvalidBearerTokenException, ex.getMessage());
	}

}
