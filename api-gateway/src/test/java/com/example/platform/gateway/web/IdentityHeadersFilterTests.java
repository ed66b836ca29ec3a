package com.example.platform.gateway.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeadersFilterTests {

	private final IdentityHeadersFilter filter = new IdentityHeadersFilter(List.of("X-User-*", "Remote-User"));

	@Test
	void matchesExactNamesAndPrefixesIgnoringCase() {
		assertThat(this.filter.isIdentityHeader("x-user-id")).isTrue();
		assertThat(this.filter.isIdentityHeader("X-USER-ROLES")).isTrue();
		assertThat(this.filter.isIdentityHeader("remote-user")).isTrue();
	}

	@Test
	void leavesOtherHeadersAndTheTokenAlone() {
		assertThat(this.filter.isIdentityHeader("Authorization")).isFalse();
		assertThat(this.filter.isIdentityHeader("X-Request-Id")).isFalse();
		assertThat(this.filter.isIdentityHeader("Remote-User-Agent")).isFalse();
		assertThat(this.filter.isIdentityHeader("X-Username")).isFalse();
	}

}
