package com.example.platform.support.idempotency;

import java.util.List;

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
 * The idempotency mechanism's answers, the same in every service: {@code 400} for a
 * malformed key, {@code 422 idempotency-key-reused}, {@code 409 request-in-flight} with
 * {@code Retry-After}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class IdempotencyProblemAdvice {

	@ExceptionHandler(InvalidIdempotencyKeyException.class)
	ResponseEntity<Object> invalidKey(InvalidIdempotencyKeyException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has invalid fields: " + IdempotentRequest.HEADER + ".");
		problem.setProperty("errors", List.of(new FieldError(IdempotentRequest.HEADER, ex.getMessage())));
		return PlatformExceptionHandler.problem(problem);
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ResponseEntity<Object> keyReused(IdempotencyKeyReusedException ex) {
		return PlatformExceptionHandler.problem(
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED, ex.getMessage()));
	}

	@ExceptionHandler(RequestInFlightException.class)
	ResponseEntity<Object> inFlight(RequestInFlightException ex) {
		return PlatformExceptionHandler.problem(
				Problems.of(HttpStatus.CONFLICT, ProblemTypes.REQUEST_IN_FLIGHT, ex.getMessage()),
				ex.retryAfterSeconds());
	}

}
