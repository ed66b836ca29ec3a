package com.example.platform.support.security;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemSecurityHandlersTests {

	private final ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(JsonMapper.builder().build());

	@Test
	void asksForATokenWithAProblemAndTheBearerChallenge() throws IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handlers.commence(new MockHttpServletRequest(), response,
				new InsufficientAuthenticationException("Full authentication is required"));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString())
			.contains("\"type\":\"https://platform.example/problems/unauthenticated\"")
			.contains("Authentication required")
			.doesNotContain("Exception");
	}

	@Test
	void tellsExpiredFromOtherwiseInvalidTokensWithoutLeakingTheParserMessage() {
		assertThat(ProblemSecurityHandlers.describe(new InvalidBearerTokenException("Jwt expired at 2026-01-01")))
			.contains("expired");
		assertThat(ProblemSecurityHandlers
			.describe(new InvalidBearerTokenException("An error occurred while attempting to decode the Jwt: "
					+ "com.nimbusds.jose.proc.BadJOSEException: Signed JWT rejected")))
			.doesNotContain("nimbus")
			.doesNotContain("Exception")
			.startsWith("The bearer token is invalid");
	}

	@Test
	void refusesWithAForbiddenProblem() throws IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handlers.handle(new MockHttpServletRequest(), response, new AccessDeniedException("Access Denied"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("\"type\":\"https://platform.example/problems/forbidden\"");
	}

}
