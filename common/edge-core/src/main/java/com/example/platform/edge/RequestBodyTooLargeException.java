package com.example.platform.edge;

/**
 * A request body went over the limit, by its {@code Content-Length} or while it streamed;
 * answered with {@code 413}. The message is the problem's detail.
 */
public class RequestBodyTooLargeException extends RuntimeException {

	private final long limitBytes;

	/**
	 * @param limitBytes the limit that was crossed
	 */
	public RequestBodyTooLargeException(long limitBytes) {
		// No stack trace: it is a client's mistake, raised per request, never logged.
		super(BodyLimit.detail(limitBytes), null, false, false);
		this.limitBytes = limitBytes;
	}

	/**
	 * @return the limit that was crossed, in bytes
	 */
	public long getLimitBytes() {
		return this.limitBytes;
	}

}
