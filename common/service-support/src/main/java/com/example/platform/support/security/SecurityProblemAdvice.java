package com.example.platform.support.security;

import com.example.platform.support.problem.PlatformExceptionHandler;
import com.example.platform.support.problem.ProblemTypes;
import com.example.platform.support.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Security decisions taken inside a controller or application service (a {@link Caller}
 * that may not do what it asks) answer like the filter chain's own: {@code 403} or
 * {@code 401} problems, never the catch-all {@code 500}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class SecurityProblemAdvice {

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> forbidden(AccessDeniedException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, ex.getMessage()));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> unauthenticated(AuthenticationException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, ex.getMessage()));
	}

}
