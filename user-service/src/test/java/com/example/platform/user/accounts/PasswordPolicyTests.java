package com.example.platform.user.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final EmailAddress email = EmailAddress.of("alice@example.com");

	@Test
	void acceptsEightToOneHundredTwentyEightCharacters() {
		assertThat(PasswordPolicy.violation("12345678", this.email)).isEmpty();
		assertThat(PasswordPolicy.violation("x".repeat(128), this.email)).isEmpty();
	}

	@Test
	void rejectsTooShortAndTooLong() {
		assertThat(PasswordPolicy.violation("1234567", this.email)).contains("must be between 8 and 128 characters");
		assertThat(PasswordPolicy.violation("x".repeat(129), this.email)).isPresent();
	}

	@Test
	void countsCodePointsNotUtf16Units() {
		String fourEmoji = "\uD83D\uDE00".repeat(4);
		assertThat(fourEmoji).hasSize(8);
		assertThat(PasswordPolicy.violation(fourEmoji, this.email)).isPresent();
		assertThat(PasswordPolicy.violation("\uD83D\uDE00".repeat(128), this.email)).isEmpty();
	}

	@Test
	void rejectsOnlyWhitespace() {
		assertThat(PasswordPolicy.violation("          ", this.email)).contains("must not be only whitespace");
	}

	@Test
	void rejectsTheEmailAddressInAnyCase() {
		assertThat(PasswordPolicy.violation("ALICE@example.com", this.email)).contains("must not be the email address");
	}

}
