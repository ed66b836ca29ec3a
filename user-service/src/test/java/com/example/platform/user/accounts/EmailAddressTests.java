package com.example.platform.user.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTests {

	@Test
	void trimsWhitespaceButKeepsTheCaseForDisplay() {
		assertThat(EmailAddress.of("  Alice@Example.COM\t").value()).isEqualTo("Alice@Example.COM");
	}

	@Test
	void comparesCaseInsensitively() {
		assertThat(EmailAddress.of("Alice@Example.COM").key()).isEqualTo(EmailAddress.of(" alice@example.com").key());
	}

	@Test
	void keyIgnoresTheDefaultLocale() {
		// In a Turkish locale "I".toLowerCase() is a dotless i; keys must not depend on
		// the JVM's locale.
		java.util.Locale previous = java.util.Locale.getDefault();
		try {
			java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
			assertThat(EmailAddress.of("IVAN@example.com").key()).isEqualTo("ivan@example.com");
		}
		finally {
			java.util.Locale.setDefault(previous);
		}
	}

}
