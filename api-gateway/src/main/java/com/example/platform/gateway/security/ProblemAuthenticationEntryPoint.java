package com.example.platform.gateway.security;

import java.util.Locale;

import reactor.core.publisher.Mono;

import com.example.platform.gateway.web.GatewayProblemTypes;
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
			return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
					GatewayProblemTypes.SERVICE_UNAVAILABLE,
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
		return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, GatewayProblemTypes.UNAUTHENTICATED, detail);
	}

	static String describe(AuthenticationException ex) {
		if (!(ex instanceof InvalidBearerTokenException)) {
			return "Authentication required: send a valid bearer token in the Authorization header.";
		}
		String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
		if (message.contains("expired")) {
			return "The bearer token has expired: log in again for a new one.";
		}
		return "The bearer token is invalid: it is malformed, not signed by the platform, or not issued for it.";
	}

}
