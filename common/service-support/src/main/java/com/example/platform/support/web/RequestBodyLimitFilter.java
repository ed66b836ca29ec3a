package com.example.platform.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.edge.BodyLimit;
import com.example.platform.support.problem.ProblemTypes;
import com.example.platform.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet adapter of the body limit rule ({@link BodyLimit}): a body declared larger
 * than the limit is refused with {@code 413} before it is read; a body without a declared
 * length is counted as it is read and fails once it grows past the limit. Nothing over
 * the limit is buffered.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final BodyLimit limit;

	private final JsonMapper jsonMapper;

	/**
	 * @param limit the largest body accepted
	 * @param jsonMapper writes the problem body
	 */
	public RequestBodyLimitFilter(BodyLimit limit, JsonMapper jsonMapper) {
		this.limit = limit;
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		switch (this.limit.decide(request.getContentLengthLong())) {
			case REFUSE -> refuse(response);
			case PASS -> chain.doFilter(request, response);
			case COUNT -> chain.doFilter(new CountedRequest(request, this.limit), response);
		}
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType("application/problem+json");
		// The client may still be sending: tell it the connection will not be reused.
		response.setHeader("Connection", "close");
		this.jsonMapper.writeValue(response.getOutputStream(), Problems.toMap(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
				ProblemTypes.PAYLOAD_TOO_LARGE, this.limit.exceeded().getMessage())));
	}

	private static final class CountedRequest extends HttpServletRequestWrapper {

		private final BodyLimit limit;

		private ServletInputStream stream;

		CountedRequest(HttpServletRequest request, BodyLimit limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountedInputStream(super.getInputStream(), this.limit.counter());
			}
			return this.stream;
		}

	}

	private static final class CountedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final BodyLimit.Counter counter;

		CountedInputStream(ServletInputStream delegate, BodyLimit.Counter counter) {
			this.delegate = delegate;
			this.counter = counter;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				this.counter.addOrThrow(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				this.counter.addOrThrow(n);
			}
			return n;
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
