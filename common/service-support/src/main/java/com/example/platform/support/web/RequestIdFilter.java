package com.example.platform.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import com.example.platform.edge.RequestIds;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet adapter of the request-id rule ({@link RequestIds}): carries the id the
 * gateway assigned into the logs (MDC key {@code requestId}) and back to the caller, and
 * makes one up when a request arrives without an acceptable one.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header carrying the request id. */
	public static final String HEADER = RequestIds.HEADER;

	/** The MDC key the log pattern reads. */
	public static final String MDC_KEY = "requestId";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = RequestIds.acceptOrCreate(request.getHeader(HEADER));
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
