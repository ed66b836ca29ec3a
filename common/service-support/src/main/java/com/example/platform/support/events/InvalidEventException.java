package com.example.platform.support.events;

/**
 * An incoming event that can never be processed: not JSON, missing fields, an unknown
 * type or version, or contradicting what the consumer knows. Not retried: it goes to the
 * consumer's dead-letter topic at once, with this message as the reason.
 */
public class InvalidEventException extends RuntimeException {

	public InvalidEventException(String message) {
		super(message);
	}

}
