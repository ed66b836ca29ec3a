package com.example.platform.support.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FastBearerTokenResolverTests {

	private final FastBearerTokenResolver resolver = new FastBearerTokenResolver();

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Test
	void answersLikeSpringSecuritysResolverForEveryHeader() {
		for (String header : new String[] { "Bearer abc.def", "bearer abc==", "Basic dXNlcjpwdw==", "Bearer",
				"Bearer a b", "Bearer  abc", "Bearer ab\u00e9", null }) {
			MockHttpServletRequest request = get(header);
			String expected;
			try {
				expected = this.spring.resolve(request);
			}
			catch (OAuth2AuthenticationException ex) {
				assertThatExceptionOfType(OAuth2AuthenticationException.class).as("[%s]", header)
					.isThrownBy(() -> this.resolver.resolve(get(header)))
					.satisfies(thrown -> assertThat(thrown.getError().getDescription())
						.isEqualTo(ex.getError().getDescription()));
				continue;
			}
			assertThat(this.resolver.resolve(request)).as("[%s]", header).isEqualTo(expected);
		}
	}

	@Test
	void leavesRequestsWithParametersToTheDefaultResolver() {
		MockHttpServletRequest request = get("Bearer abc");
		request.setQueryString("access_token=def");
		request.addParameter("access_token", "def");
		assertThat(this.resolver.resolve(request)).isEqualTo(this.spring.resolve(request));
		MockHttpServletRequest malformed = get("Bearer a b");
		malformed.setQueryString("x=1");
		malformed.addParameter("x", "1");
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.resolver.resolve(malformed));
	}

	private static MockHttpServletRequest get(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/me");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

}
