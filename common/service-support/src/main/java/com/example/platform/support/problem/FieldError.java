package com.example.platform.support.problem;

/**
 * One entry of a validation problem's {@code errors} member.
 *
 * @param field the JSON path of the offending field, e.g. {@code items[0].quantity}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
