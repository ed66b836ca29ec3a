package com.example.platform.support.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void keepsAPlainIdForTheLogsAndTheResponse() throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		request.addHeader("X-Request-Id", "gw-42.a_b");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> logged = new AtomicReference<>();

		this.filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {

			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) {
				logged.set(MDC.get("requestId"));
			}

		}));

		assertThat(logged).hasValue("gw-42.a_b");
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("gw-42.a_b");
		assertThat(MDC.get("requestId")).isNull();
	}

	@Test
	void replacesMissingOverlongOrUnsafeIds() throws ServletException, IOException {
		for (String unsafe : new String[] { null, "x".repeat(65), "a b", "a\nb", "a\"b" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
			if (unsafe != null) {
				request.addHeader("X-Request-Id", unsafe);
			}
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.filter.doFilter(request, response, new MockFilterChain());
			assertThat(response.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
		}
	}

}
