package com.example.platform.support.security;

import jakarta.servlet.http.HttpServletRequest;

import com.example.platform.edge.BearerTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring Security's {@link DefaultBearerTokenResolver} without its regex on the common
 * path: a request with no query string and no form body carries its token in the
 * {@code Authorization} header only, which {@link BearerTokens} reads with a loop (same
 * result, same "malformed" error). Any other request goes to the default resolver, which
 * also refuses a second token in an {@code access_token} parameter.
 */
public class FastBearerTokenResolver implements BearerTokenResolver {

	private final DefaultBearerTokenResolver fallback = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		if (request.getQueryString() != null || isForm(request.getContentType())) {
			return this.fallback.resolve(request);
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (!BearerTokens.isBearer(authorization)) {
			return null;
		}
		String token = BearerTokens.tokenOf(authorization);
		if (token == null) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return token;
	}

	private static boolean isForm(String contentType) {
		return contentType != null && contentType.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
	}

}
