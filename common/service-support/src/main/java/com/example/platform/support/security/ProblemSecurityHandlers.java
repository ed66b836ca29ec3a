package com.example.platform.support.security;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.edge.AuthenticationProblems;
import com.example.platform.support.problem.ProblemTypes;
import com.example.platform.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 answers as problems, keeping the RFC 6750 {@code WWW-Authenticate} header
 * that Spring Security's bearer-token handlers set.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper jsonMapper;

	/**
	 * @param jsonMapper writes the problem bodies
	 */
	public ProblemSecurityHandlers(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		write(response, Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, describe(authException)));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerAccessDenied.handle(request, response, accessDeniedException);
		write(response, Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, AuthenticationProblems.FORBIDDEN));
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), Problems.toMap(problem));
	}

	static String describe(AuthenticationException ex) {
		return AuthenticationProblems.describe(ex instanceof InvalidBearerTokenException, ex.getMessage());
	}

}
