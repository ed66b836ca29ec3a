package com.example.platform.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import com.example.platform.edge.HttpMethods;
import com.example.platform.support.problem.PlatformExceptionHandler;
import com.example.platform.support.problem.Problems;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that never reached a controller (rejected by the container or a filter)
 * with a problem instead of Boot's default error body or an HTML page. The problem names
 * the path the client asked for, not the error page's; a {@code 405} (Tomcat refusing
 * {@code TRACE}) lists the platform's methods in {@code Allow}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || status.value() < 400) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String detail = status.is5xxServerError() ? "An unexpected error occurred. Please retry later."
				: "The request was rejected: " + status.getReasonPhrase() + ".";
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			detail = HttpMethods.notServedDetail(request.getMethod());
		}
		ProblemDetail problem = Problems.of(status, Problems.typeFor(status), detail);
		Object requested = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		problem.setInstance(Problems.instance((requested instanceof String uri) ? uri : null));
		ResponseEntity<Object> response = PlatformExceptionHandler.problem(problem);
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			// Only a method no resource has gets here (Spring MVC answers the others
			// itself), so the platform's list is the true one.
			return ResponseEntity.status(status)
				.headers(response.getHeaders())
				.header(HttpHeaders.ALLOW, HttpMethods.ALLOW)
				.body(response.getBody());
		}
		return response;
	}

}
