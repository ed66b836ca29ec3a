package com.example.platform.user.api;

import java.util.List;

import com.example.platform.support.problem.FieldError;
import com.example.platform.support.problem.PlatformExceptionHandler;
import com.example.platform.support.problem.ProblemTypes;
import com.example.platform.support.problem.Problems;
import com.example.platform.user.accounts.EmailAlreadyRegisteredException;
import com.example.platform.user.accounts.InvalidPasswordException;
import com.example.platform.user.accounts.PasswordHashingBusyException;
import com.example.platform.user.accounts.UserNotFoundException;
import com.example.platform.user.login.InvalidCredentialsException;
import com.example.platform.user.login.LoginThrottledException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The user service's domain exceptions as problems.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UserProblemHandler {

	@ExceptionHandler(EmailAlreadyRegisteredException.class)
	ResponseEntity<Object> emailTaken(EmailAlreadyRegisteredException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler(InvalidPasswordException.class)
	ResponseEntity<Object> invalidPassword(InvalidPasswordException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has invalid fields: password.");
		problem.setProperty("errors", List.of(new FieldError("password", ex.getMessage())));
		return PlatformExceptionHandler.problem(problem);
	}

	@ExceptionHandler(InvalidCredentialsException.class)
	ResponseEntity<Object> invalidCredentials(InvalidCredentialsException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, ex.getMessage()));
	}

	@ExceptionHandler(LoginThrottledException.class)
	ResponseEntity<Object> throttled(LoginThrottledException ex) {
		long seconds = Math.max(1, (ex.getRetryAfter().toMillis() + 999) / 1000);
		ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
				ex.getMessage());
		problem.setProperty("retryAfterSeconds", seconds);
		return PlatformExceptionHandler.problem(problem, seconds);
	}

	@ExceptionHandler(PasswordHashingBusyException.class)
	ResponseEntity<Object> busy(PasswordHashingBusyException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
				ex.getMessage());
		problem.setProperty("retryAfterSeconds", 1);
		return PlatformExceptionHandler.problem(problem, 1);
	}

	@ExceptionHandler(UserNotFoundException.class)
	ResponseEntity<Object> notFound(UserNotFoundException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, ex.getMessage()));
	}

}
