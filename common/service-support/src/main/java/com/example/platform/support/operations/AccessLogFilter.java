package com.example.platform.support.operations;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.example.platform.edge.Probes;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request ({@code GET /api/orders 201 12 ms}), written inside the
 * request's trace, so its {@code traceId} and {@code requestId} are on the line: a
 * request can be followed through every service's log by its trace id, including the
 * services that log nothing else for it. The probes are not logged. Logger
 * {@value #LOGGER}: set it to {@code WARN} to turn the lines off.
 */
public class AccessLogFilter extends OncePerRequestFilter {

	/** The logger's name. */
	public static final String LOGGER = "platform.access";

	private static final Log logger = LogFactory.getLog(LOGGER);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!logger.isInfoEnabled() || Probes.isProbe(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			long millis = (System.nanoTime() - started) / 1_000_000;
			logger.info(request.getMethod() + " " + request.getRequestURI() + " " + response.getStatus() + " " + millis
					+ " ms");
		}
	}

}
