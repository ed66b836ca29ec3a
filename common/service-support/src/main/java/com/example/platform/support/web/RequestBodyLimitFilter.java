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

import com.example.platform.support.problem.Problems;
import com.example.platform.support.problem.RequestBodyTooLargeException;
import com.example.platform.support.problem.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over a limit with {@code 413}: at once when
 * {@code Content-Length} says so, and while reading when a chunked body grows past it.
 * Nothing over the limit is buffered.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final DataSize limit;

	private final JsonMapper jsonMapper;

	/**
	 * @param limit the largest body accepted
	 * @param jsonMapper writes the problem body
	 */
	public RequestBodyLimitFilter(DataSize limit, JsonMapper jsonMapper) {
		this.limit = limit;
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.limit.toBytes()) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType("application/problem+json");
			// The client may still be sending: tell it the connection will not be reused.
			response.setHeader("Connection", "close");
			this.jsonMapper.writeValue(response.getOutputStream(),
					Problems.toMap(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
							new RequestBodyTooLargeException(this.limit).getMessage())));
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final DataSize limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final DataSize limit;

		private long count;

		LimitedInputStream(ServletInputStream delegate, DataSize limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.count += n;
			if (this.count > this.limit.toBytes()) {
				throw new RequestBodyTooLargeException(this.limit);
			}
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
