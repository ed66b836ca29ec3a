package com.example.platform.support.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import com.example.platform.edge.RequestBodyTooLargeException;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Translates framework errors into the platform's problems, with field errors for
 * validation and type problems, and never with internals: no stack trace, no exception
 * class name. Ordered last so a service's own advice (for its domain exceptions) wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(PlatformExceptionHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validationProblem(ex.getBindingResult());
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			if (result instanceof ParameterErrors bean) {
				// A validated body next to validated parameters: report the body's own
				// fields.
				bean.getFieldErrors()
					.forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
				bean.getGlobalErrors()
					.forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
			}
			else {
				String name = parameterName(result.getMethodParameter());
				result.getResolvableErrors()
					.forEach(error -> errors.add(new FieldError(name, error.getDefaultMessage())));
			}
		});
		return validationProblem(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		RequestBodyTooLargeException tooLarge = findCause(ex, RequestBodyTooLargeException.class);
		if (tooLarge != null) {
			return problem(
					Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
		}
		Throwable cause = ex.getMostSpecificCause();
		if (cause == ex || cause == null) {
			return problem(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
					"The request body is missing or cannot be read."));
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return problem(fieldProblem(ProblemTypes.MALFORMED_REQUEST, "The request body has an unknown field.",
					path(unknown), "is not a known field"));
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return problem(
					fieldProblem(ProblemTypes.MALFORMED_REQUEST, "A field of the request body has the wrong type.",
							path(mismatch), "must be " + describe(mismatch.getTargetType())));
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			return problem(fieldProblem(ProblemTypes.MALFORMED_REQUEST, "A field of the request body is invalid.",
					path(databind), "has an invalid value"));
		}
		if (cause instanceof StreamReadException || cause instanceof MismatchedInputException) {
			return problem(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
					"The request body is not valid JSON."));
		}
		return problem(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
				"The request body cannot be read."));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring MVC's own errors (405, 406, 415, missing header, type mismatch, no
		// handler...):
		// keep Spring's detail, which names parameters but never classes, and add our
		// type.
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			HttpStatus status = HttpStatus.valueOf(statusCode.value());
			problem.setType(Problems.typeFor(status));
			problem.setTitle(status.getReasonPhrase());
			problem.setInstance(null);
		}
		return response;
	}

	/**
	 * Bean Validation on method parameters outside Spring MVC's own validation.
	 * @param ex the violations
	 * @return a validation problem
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return validationProblem(errors);
	}

	/**
	 * A body over the configured limit.
	 * @param ex the limit that was crossed
	 * @return a 413 problem
	 */
	@ExceptionHandler(RequestBodyTooLargeException.class)
	ResponseEntity<Object> handleTooLarge(RequestBodyTooLargeException ex) {
		return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, ex.getMessage()));
	}

	/**
	 * Everything not handled elsewhere is our fault: log it, answer without internals.
	 * @param ex the failure
	 * @return a 500 problem, or the status of an {@link ErrorResponse}
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		if (ex instanceof ErrorResponse errorResponse && errorResponse.getStatusCode().is4xxClientError()) {
			HttpStatus status = HttpStatus.valueOf(errorResponse.getStatusCode().value());
			return problem(Problems.of(status, Problems.typeFor(status), errorResponse.getBody().getDetail()));
		}
		logger.error("Unhandled exception", ex);
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
				"An unexpected error occurred. It has been logged; please retry later."));
	}

	/**
	 * A problem as a response entity with the problem+json media type.
	 * @param problem the problem
	 * @return the response
	 */
	public static ResponseEntity<Object> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ResponseEntity<Object> validationProblem(BindingResult result) {
		List<FieldError> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
		result.getGlobalErrors()
			.forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return validationProblem(errors);
	}

	private static ResponseEntity<Object> validationProblem(List<FieldError> errors) {
		List<FieldError> sorted = errors.stream()
			.sorted((a, b) -> a.field().compareTo(b.field()))
			.collect(Collectors.toList());
		String fields = sorted.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has invalid fields: " + fields + ".");
		problem.setProperty("errors", sorted);
		return problem(problem);
	}

	private static ProblemDetail fieldProblem(java.net.URI type, String detail, String field, String message) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, type,
				detail + " Field '" + field + "' " + message + ".");
		problem.setProperty("errors", List.of(new FieldError(field, message)));
		return problem;
	}

	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		if (header != null && !header.value().isEmpty()) {
			return header.value();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return parameter.getParameterName();
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach(reference -> {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "a value of another type";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
			return "a number";
		}
		if (type == java.util.UUID.class) {
			return "a UUID";
		}
		if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
			return "an array";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		return "an object";
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

}
