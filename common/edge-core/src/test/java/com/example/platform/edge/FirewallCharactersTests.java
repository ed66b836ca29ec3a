package com.example.platform.edge;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirewallCharactersTests {

	/** The patterns Spring Security's StrictServerWebExchangeFirewall uses. */
	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void acceptsExactlyWhatTheFirewallsPatternsAcceptForEveryCodePoint() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + new String(Character.toChars(codePoint)) + "b";
			assertThat(FirewallCharacters.isAllowedName(text)).as("name U+%04X", codePoint)
				.isEqualTo(NAME.matcher(text).matches());
			assertThat(FirewallCharacters.isAllowedValue(text)).as("value U+%04X", codePoint)
				.isEqualTo(VALUE.matcher(text).matches());
		}
	}

	@Test
	void treatsLoneSurrogatesAndNullLikeThePatterns() {
		for (String text : new String[] { "\ud800", "a\udc00", "\udbff\udfff", "", "Bearer abc.def-ghi_jkl",
				"tab\there", "line\nbreak", "del\u007f", "nbsp\u00a0", "\u0085" }) {
			assertThat(FirewallCharacters.isAllowedName(text)).as(text).isEqualTo(NAME.matcher(text).matches());
			assertThat(FirewallCharacters.isAllowedValue(text)).as(text).isEqualTo(VALUE.matcher(text).matches());
		}
		assertThat(FirewallCharacters.isAllowedName(null)).isTrue();
		assertThat(FirewallCharacters.isAllowedValue(null)).isTrue();
	}

}
