package com.example.platform.gateway.web;

import org.springframework.util.unit.DataSize;

/**
 * A request body went over the gateway's limit, found either from its
 * {@code Content-Length} or while it streamed.
 */
public class PayloadTooLargeException extends RuntimeException {

	private final DataSize limit;

	/**
	 * @param limit the configured limit
	 */
	public PayloadTooLargeException(DataSize limit) {
		super("Request body larger than " + limit.toBytes() + " bytes", null, false, false);
		this.limit = limit;
	}

	/**
	 * @return the configured limit
	 */
	public DataSize getLimit() {
		return this.limit;
	}

}
