package com.example.platform.support.idempotency;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller parameter of type {@link IdempotencyKey} from the
 * {@code Idempotency-Key} header: a missing key is a {@code 400} like any missing
 * required header, a malformed one a {@code 400} with a field error naming the header.
 */
public class IdempotencyKeyArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return IdempotencyKey.class.equals(parameter.getParameterType());
	}

	@Override
	public IdempotencyKey resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws MissingRequestHeaderException {
		String value = webRequest.getHeader(IdempotencyKey.HEADER);
		if (value == null) {
			// answered like any other missing required header
			throw new MissingRequestHeaderException(IdempotencyKey.HEADER, parameter);
		}
		return new IdempotencyKey(value);
	}

}
