package com.example.platform.support.problem;

import org.springframework.util.unit.DataSize;

/**
 * A request body went past the configured limit; answered with {@code 413}.
 */
public class RequestBodyTooLargeException extends RuntimeException {

	/**
	 * @param limit the limit that was crossed
	 */
	public RequestBodyTooLargeException(DataSize limit) {
		super("The request body is larger than the limit of " + limit.toKilobytes() + " KB.");
	}

}
