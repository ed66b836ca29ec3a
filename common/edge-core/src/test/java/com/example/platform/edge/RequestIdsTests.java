package com.example.platform.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@Test
	void keepsAShortPlainId() {
		assertThat(RequestIds.acceptOrCreate("gw-42.a_B")).isEqualTo("gw-42.a_B");
		assertThat(RequestIds.acceptOrCreate("x".repeat(64))).isEqualTo("x".repeat(64));
	}

	@Test
	void replacesMissingOverlongOrUnsafeIds() {
		for (String unsafe : new String[] { null, "", "x".repeat(65), "a b", "a\nb", "a\"b", "a<b>", "é", "a/b", "a:b",
				"a@b", "a[b", "a`b", "a{b", "a\u0661b", "\uff21" }) {
			assertThat(RequestIds.isAcceptable(unsafe)).as(String.valueOf(unsafe)).isFalse();
			assertThat(RequestIds.acceptOrCreate(unsafe)).matches("[0-9a-f-]{36}");
		}
	}

	@Test
	void keepsEveryLetterDigitDotUnderscoreAndHyphen() {
		String plain = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
		assertThat(RequestIds.isAcceptable(plain.substring(0, 64))).isTrue();
		assertThat(RequestIds.isAcceptable(plain.substring(60))).isTrue();
	}

	@Test
	void createsDistinctIdsThatAreThemselvesAcceptable() {
		String first = RequestIds.create();
		assertThat(RequestIds.isAcceptable(first)).isTrue();
		assertThat(RequestIds.create()).isNotEqualTo(first);
	}

}
