package com.example.platform.support.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.edge.BodyLimit;
import com.example.platform.edge.RequestBodyTooLargeException;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RequestBodyLimitFilterTests {

	private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(new BodyLimit(10),
			JsonMapper.builder().build());

	@Test
	void refusesADeclaredLengthOverTheLimitWithoutCallingTheChain() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
		request.setContent(new byte[11]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":413")
			.contains("payload-too-large")
			.contains("larger than the limit of 10 bytes");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void passesBodiesUpToTheLimit() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x");
		request.setContent(new byte[10]);
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest().getInputStream().readAllBytes()).hasSize(10);
	}

	@Test
	void stopsReadingABodyWithoutLengthOnceItPassesTheLimit() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/x") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
		request.setContent(new byte[1000]);
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		InputStream body = chain.getRequest().getInputStream();
		assertThat(body.readNBytes(10)).hasSize(10);
		assertThatExceptionOfType(RequestBodyTooLargeException.class).isThrownBy(body::read)
			.withMessage("The request body is larger than the limit of 10 bytes.");
	}

}
