package com.example.platform.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationProblemsTests {

	@Test
	void asksForATokenWhenNoneWasUsable() {
		assertThat(AuthenticationProblems.describe(false, "Full authentication is required"))
			.isEqualTo(AuthenticationProblems.MISSING);
	}

	@Test
	void saysAnExpiredTokenHasExpired() {
		assertThat(AuthenticationProblems.describe(true, "An error occurred: Jwt expired at 2026-01-01T00:00:00Z"))
			.isEqualTo(AuthenticationProblems.EXPIRED);
	}

	@Test
	void neverEchoesTheLibrarysReason() {
		assertThat(AuthenticationProblems.describe(true, "Malformed token eyJhbGciOi..."))
			.isEqualTo(AuthenticationProblems.INVALID);
		assertThat(AuthenticationProblems.describe(true, null)).isEqualTo(AuthenticationProblems.INVALID);
	}

}
