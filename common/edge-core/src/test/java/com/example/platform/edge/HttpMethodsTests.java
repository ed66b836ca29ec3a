package com.example.platform.edge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMethodsTests {

	@Test
	void servesTheOrdinaryMethods() {
		assertThat(HttpMethods.SERVED).allSatisfy(method -> assertThat(HttpMethods.isServed(method)).isTrue());
		assertThat(HttpMethods.ALLOW).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
	}

	@Test
	void refusesTraceConnectAndExtensionMethods() {
		for (String method : new String[] { "TRACE", "CONNECT", "PROPFIND", "MKCOL", "BREW", "get", "", null }) {
			assertThat(HttpMethods.isServed(method)).as(String.valueOf(method)).isFalse();
		}
	}

	@Test
	void namesAPlainMethodInTheDetailAndNothingElse() {
		assertThat(HttpMethods.notServedDetail("TRACE")).isEqualTo(
				"The method TRACE is not supported here. Allowed: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.");
		assertThat(HttpMethods.notServedDetail("X<script>"))
			.startsWith("The method of this request is not supported here.")
			.doesNotContain("<script>");
		assertThat(HttpMethods.notAllowedDetail("DELETE", "")).isEqualTo("The method DELETE is not supported here.");
		assertThat(HttpMethods.notServedDetail("get")).startsWith("The method get is not supported here.");
	}

	@Test
	void listsAllowedMethodsInTheUsualOrder() {
		assertThat(HttpMethods.allow(List.of("POST", "OPTIONS", "GET", "HEAD", "GET")))
			.isEqualTo("GET, HEAD, POST, OPTIONS");
		assertThat(HttpMethods.allow(List.of("PROPFIND", "GET"))).isEqualTo("GET, PROPFIND");
		assertThat(HttpMethods.allow(List.of())).isEmpty();
	}

}
