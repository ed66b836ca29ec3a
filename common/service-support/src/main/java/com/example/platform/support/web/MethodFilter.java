package com.example.platform.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.edge.HttpMethods;
import com.example.platform.support.problem.ProblemTypes;
import com.example.platform.support.problem.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet adapter of the platform's method rule ({@link HttpMethods}): extension
 * methods such as {@code PROPFIND} are refused with {@code 405} and an {@code Allow}
 * header before security sees them (its firewall would answer {@code 400}), as the
 * gateway refuses them. Tomcat refuses {@code TRACE} itself;
 * {@link ProblemErrorController} answers that one.
 */
public class MethodFilter extends OncePerRequestFilter {

	private final JsonMapper jsonMapper;

	/**
	 * @param jsonMapper writes the problem body
	 */
	public MethodFilter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (HttpMethods.isServed(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
				HttpMethods.notServedDetail(request.getMethod()));
		problem.setInstance(Problems.instance(request.getRequestURI()));
		response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
		response.setHeader(HttpHeaders.ALLOW, HttpMethods.ALLOW);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), Problems.toMap(problem));
	}

}
