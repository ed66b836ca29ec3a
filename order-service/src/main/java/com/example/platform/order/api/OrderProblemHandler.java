package com.example.platform.order.api;

import java.net.URI;
import java.util.List;

import com.example.platform.order.ordering.DependencyUnavailableException;
import com.example.platform.order.ordering.IllegalOrderTransitionException;
import com.example.platform.order.ordering.InvalidOrderException;
import com.example.platform.order.ordering.OrderNotFoundException;
import com.example.platform.order.ordering.OrderRules;
import com.example.platform.order.catalog.ProductNotFoundException;
import com.example.platform.order.ordering.UnknownUserException;
import com.example.platform.order.ordering.UnorderableItemsException;
import com.example.platform.support.problem.FieldError;
import com.example.platform.support.problem.PlatformExceptionHandler;
import com.example.platform.support.problem.ProblemTypes;
import com.example.platform.support.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The order service's domain exceptions as problems.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblemHandler {

	static final URI UNORDERABLE = URI.create(ProblemTypes.BASE + "unorderable-items");

	static final URI UNKNOWN_USER = URI.create(ProblemTypes.BASE + "unknown-user");

	static final URI DEPENDENCY_UNAVAILABLE = URI.create(ProblemTypes.BASE + "dependency-unavailable");

	@ExceptionHandler(InvalidOrderException.class)
	ResponseEntity<Object> invalid(InvalidOrderException ex) {
		return withErrors(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, ex.getMessage()),
				ex.getViolations());
	}

	@ExceptionHandler(UnorderableItemsException.class)
	ResponseEntity<Object> unorderable(UnorderableItemsException ex) {
		return withErrors(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, UNORDERABLE, ex.getMessage()),
				ex.getViolations());
	}

	@ExceptionHandler(UnknownUserException.class)
	ResponseEntity<Object> unknownUser(UnknownUserException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, UNKNOWN_USER, ex.getMessage()));
	}

	@ExceptionHandler(DependencyUnavailableException.class)
	ResponseEntity<Object> unavailable(DependencyUnavailableException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DEPENDENCY_UNAVAILABLE, ex.getMessage()), 5);
	}

	@ExceptionHandler({ OrderNotFoundException.class, ProductNotFoundException.class })
	ResponseEntity<Object> notFound(RuntimeException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(IllegalOrderTransitionException.class)
	ResponseEntity<Object> illegalTransition(IllegalOrderTransitionException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, ex.getMessage()));
	}

	private static ResponseEntity<Object> withErrors(ProblemDetail problem, List<OrderRules.Violation> violations) {
		problem.setProperty("errors",
				violations.stream().map(violation -> new FieldError(violation.field(), violation.message())).toList());
		return PlatformExceptionHandler.problem(problem);
	}

}
