package com.example.platform.support.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller parameter of type {@link Caller} from the request's validated
 * JWT. Reaching a controller without one means the security chain let an unauthenticated
 * request through to an operation that needs a caller: that is a configuration fault,
 * answered as {@code 401}, never a guess.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.isAssignableFrom(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken jwt)) {
			throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
					"This operation needs a bearer token.");
		}
		return Caller.of(jwt.getToken().getSubject(), jwt.getAuthorities());
	}

}
