package com.example.platform.support.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Carries the request id the gateway assigned ({@code X-Request-Id}) into the logs (MDC
 * key {@code requestId}) and back to the caller; makes one up when a request arrives
 * without one. Ids that are not short and plain are replaced, so log lines cannot be
 * forged through them.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header carrying the request id. */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key the log pattern reads. */
	public static final String MDC_KEY = "requestId";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(HEADER);
		if (requestId == null || !ACCEPTABLE.matcher(requestId).matches()) {
			requestId = UUID.randomUUID().toString();
		}
		response.setHeader(HEADER, requestId);
		MDC.put(MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
