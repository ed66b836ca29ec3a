package com.example.platform.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link NoControlCharacters}.
 */
public class NoControlCharactersValidator implements ConstraintValidator<NoControlCharacters, CharSequence> {

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		return value == null || value.chars().noneMatch(NoControlCharactersValidator::isControl);
	}

	/**
	 * @param ch a UTF-16 unit (control characters are never part of a surrogate pair)
	 * @return whether it is a C0 or C1 control character or {@code DEL}
	 */
	static boolean isControl(int ch) {
		return ch <= 0x1F || (ch >= 0x7F && ch <= 0x9F);
	}

}
