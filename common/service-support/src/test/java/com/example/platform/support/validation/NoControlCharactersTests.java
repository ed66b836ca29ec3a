package com.example.platform.support.validation;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoControlCharactersTests {

	private static final ValidatorFactory factory = Validation.buildDefaultValidatorFactory();

	private final Validator validator = factory.getValidator();

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void acceptsPrintableTextInAnyScript() {
		for (String text : new String[] { "Ada Lovelace", "Zoë O'Brien-Łukasz", "李小龍", "Ñandú 🐦", "a\u00A0b", "\u00FF",
				"" }) {
			assertThat(violations(text)).as(text).isEmpty();
		}
	}

	@Test
	void acceptsNull() {
		assertThat(violations(null)).isEmpty();
	}

	@Test
	void refusesEveryC0ControlCharacterAndDel() {
		for (char ch = 0; ch <= 0x1F; ch++) {
			assertThat(violations("a" + ch + "b")).as("U+%04X", (int) ch).hasSize(1);
		}
		assertThat(violations("a\u007Fb")).hasSize(1);
	}

	@Test
	void refusesEveryC1ControlCharacter() {
		for (char ch = 0x80; ch <= 0x9F; ch++) {
			assertThat(violations("a" + ch + "b")).as("U+%04X", (int) ch).hasSize(1);
		}
	}

	@Test
	void refusesLogAndTerminalInjection() {
		assertThat(violations("Ada\n2026-01-01 INFO admin logged in")).singleElement()
			.extracting(ConstraintViolation::getMessage)
			.isEqualTo("must not contain control characters (line breaks, tabs, escape sequences)");
		assertThat(violations("\u001b[2J\u001b[31mAda")).hasSize(1);
		assertThat(violations("Ada\u0007")).hasSize(1);
	}

	@Test
	void worksOnEveryElementOfAList() {
		assertThat(this.validator.validate(new Names(List.of("ok", "not\tok")))).singleElement()
			.extracting(violation -> violation.getPropertyPath().toString())
			.isEqualTo("names[1].<list element>");
	}

	private Set<ConstraintViolation<Text>> violations(String value) {
		return this.validator.validate(new Text(value));
	}

	record Text(@NoControlCharacters String value) {
	}

	record Names(List<@NoControlCharacters String> names) {
	}

}
