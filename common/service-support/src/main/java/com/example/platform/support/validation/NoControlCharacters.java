package com.example.platform.support.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The text holds no control character: none of C0 ({@code U+0000}–{@code U+001F}, so also
 * no tab or line break), {@code DEL} ({@code U+007F}) or C1
 * ({@code U+0080}–{@code U+009F}). Free text from clients ends up in logs, terminals and
 * other systems, where a line break forges a log line and an escape sequence drives a
 * terminal; no printable character is refused. {@code null} is valid (combine with
 * {@code @NotNull} or {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = NoControlCharactersValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
		ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

	/**
	 * @return the field error's message
	 */
	String message() default "must not contain control characters (line breaks, tabs, escape sequences)";

	/**
	 * @return the validation groups
	 */
	Class<?>[] groups() default {};

	/**
	 * @return the payload
	 */
	Class<? extends Payload>[] payload() default {};

}
