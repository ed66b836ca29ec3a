package com.example.platform.edge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTests {

	/**
	 * Spring Security's pattern (DefaultBearerTokenResolver,
	 * ServerBearerTokenAuthenticationConverter).
	 */
	private static final Pattern SPRING = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
			Pattern.CASE_INSENSITIVE);

	@Test
	void readsTheSameTokenAsSpringSecuritysPatternForEveryShape() {
		String[] headers = { "Bearer abc.def-ghi_jkl~mno+pqr/stu", "bearer abc", "BEARER abc==", "Bearer abc=",
				"Bearer ==", "Bearer =abc", "Bearer ab=c", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ",
				"Bearer\tabc", "Bearerabc", "Bearer a b", "Bearer ab\u00e9", "Bearer ab,c", "Basic abc", "Bear abc",
				"Bearer abc\n", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "Bearer a", "Bearer ===" };
		for (String header : headers) {
			Matcher matcher = SPRING.matcher(header);
			String expected = matcher.matches() ? matcher.group("token") : null;
			String actual = BearerTokens.isBearer(header) ? BearerTokens.tokenOf(header) : null;
			assertThat(actual).as("[%s]", header).isEqualTo(expected);
		}
	}

	@Test
	void namesTheBearerSchemeInAnyCaseOnly() {
		assertThat(BearerTokens.isBearer("bEaReR x")).isTrue();
		assertThat(BearerTokens.isBearer("Bearer")).isTrue();
		assertThat(BearerTokens.isBearer("Basic x")).isFalse();
		assertThat(BearerTokens.isBearer("Bear")).isFalse();
		assertThat(BearerTokens.isBearer(null)).isFalse();
	}

}
