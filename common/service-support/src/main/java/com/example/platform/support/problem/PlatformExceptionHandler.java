package com.example.platform.support.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import com.example.platform.edge.HttpMethods;
import com.example.platform.edge.RequestBodyTooLargeException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
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

	private static final String UNEXPECTED = "An unexpected error occurred. It has been logged; please retry later.";

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
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Set<HttpMethod> supported = ex.getSupportedHttpMethods();
		String allow = HttpMethods
			.allow((supported != null) ? supported.stream().map(HttpMethod::name).toList() : List.of());
		HttpHeaders answerHeaders = new HttpHeaders();
		answerHeaders.addAll(headers);
		answerHeaders.remove(HttpHeaders.ALLOW);
		if (!allow.isEmpty()) {
			answerHeaders.set(HttpHeaders.ALLOW, allow);
		}
		ProblemDetail problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
				HttpMethods.notAllowedDetail(ex.getMethod(), allow));
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.headers(answerHeaders)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// Spring's detail quotes the value, and a repeated parameter's value is a
		// String[]
		// whose toString() is a JVM internal: name the parameter and the form expected.
		String name = (ex instanceof MethodArgumentTypeMismatchException argument) ? argument.getName()
				: ex.getPropertyName();
		String field = (name != null) ? name : "parameter";
		String message = "must be " + expected(ex.getRequiredType(), isRepeated(ex.getValue()));
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
				"Parameter '" + field + "' " + message + ".");
		problem.setProperty("errors", List.of(new FieldError(field, message)));
		return problem(problem);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring MVC's other errors (406, 415, missing header or parameter, no handler):
		// keep Spring's detail, which names parameters and media types but no classes or
		// values, and add our type. A 5xx (conversion not supported, missing path
		// variable) is our fault: its detail can quote internals, so it is replaced.
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			HttpStatus status = HttpStatus.valueOf(statusCode.value());
			problem.setType(Problems.typeFor(status));
			problem.setTitle(status.getReasonPhrase());
			problem.setInstance(null);
			if (status.is5xxServerError()) {
				logger.error("Request failed with " + status.value(), ex);
				problem.setDetail(UNEXPECTED);
			}
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
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, UNEXPECTED));
	}

	/**
	 * A problem as a response entity with the problem+json media type.
	 * @param problem the problem
	 * @return the response
	 */
	public static ResponseEntity<Object> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * A problem the client may retry, with the {@code Retry-After} header.
	 * @param problem the problem
	 * @param retryAfterSeconds when to retry
	 * @return the response
	 */
	public static ResponseEntity<Object> problem(ProblemDetail problem, long retryAfterSeconds) {
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
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
			return "one of " + enumNames(type);
		}
		return "an object";
	}

	private static boolean isRepeated(Object value) {
		return (value != null && value.getClass().isArray() && java.lang.reflect.Array.getLength(value) > 1)
				|| (value instanceof java.util.Collection<?> values && values.size() > 1);
	}

	private static String expected(Class<?> type, boolean single) {
		String a = single ? "a single " : "a ";
		String an = single ? "a single " : "an ";
		if (type == null) {
			return single ? "a single value" : "a value of another form";
		}
		if (type == boolean.class || type == Boolean.class) {
			return single ? "a single value, true or false" : "true or false";
		}
		if (type == int.class || type == long.class || type == short.class || type == byte.class
				|| type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
				|| type == java.math.BigInteger.class) {
			return an + "integer";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return a + "number";
		}
		if (type == java.util.UUID.class) {
			return a + "UUID";
		}
		if (type.isEnum()) {
			return (single ? "a single value, one of " : "one of ") + enumNames(type);
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
			return a + "date or time in ISO 8601 form";
		}
		return a + "value of the expected form";
	}

	private static String enumNames(Class<?> type) {
		return java.util.Arrays.stream(type.getEnumConstants())
			.map(constant -> ((Enum<?>) constant).name())
			.collect(Collectors.joining(", "));
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
