package com.example.platform.edge;

/**
 * The request body limit: what to do with a request given its {@code Content-Length}, and
 * the counting of a body whose length is not declared, so nothing over the limit is ever
 * buffered or forwarded.
 */
public final class BodyLimit {

	private final long maxBytes;

	/**
	 * @param maxBytes the largest body accepted, in bytes
	 */
	public BodyLimit(long maxBytes) {
		if (maxBytes < 0) {
			throw new IllegalArgumentException("The body limit must not be negative: " + maxBytes);
		}
		this.maxBytes = maxBytes;
	}

	/**
	 * @return the largest body accepted, in bytes
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * @param contentLength the declared {@code Content-Length}, negative when there is
	 * none (a chunked body)
	 * @return what to do with the request
	 */
	public Decision decide(long contentLength) {
		if (contentLength > this.maxBytes) {
			return Decision.REFUSE;
		}
		// The server reads no more than a declared length; only an undeclared one can
		// grow.
		return (contentLength >= 0) ? Decision.PASS : Decision.COUNT;
	}

	/**
	 * @return a counter for one body of undeclared length
	 */
	public Counter counter() {
		return new Counter(this.maxBytes);
	}

	/**
	 * @return the exception (and problem detail) for a body over this limit
	 */
	public RequestBodyTooLargeException exceeded() {
		return new RequestBodyTooLargeException(this.maxBytes);
	}

	/**
	 * The problem detail for a body over a limit.
	 * @param maxBytes the limit
	 * @return the detail text
	 */
	public static String detail(long maxBytes) {
		return "The request body is larger than the limit of " + maxBytes + " bytes.";
	}

	/** What the limit says about a request, by its declared length. */
	public enum Decision {

		/** Declared larger than the limit: answer {@code 413} without reading it. */
		REFUSE,

		/** Declared within the limit: pass it on as it is. */
		PASS,

		/** No declared length: pass it on, counting the bytes as they are read. */
		COUNT

	}

	/**
	 * Counts the bytes of one streamed body. Not thread-safe: a body is read by one
	 * reader at a time.
	 */
	public static final class Counter {

		private final long maxBytes;

		private long seen;

		private Counter(long maxBytes) {
			this.maxBytes = maxBytes;
		}

		/**
		 * Counts bytes that were read.
		 * @param bytes how many
		 * @return {@code true} while the body is within the limit, {@code false} once it
		 * has gone over it
		 */
		public boolean add(long bytes) {
			this.seen += bytes;
			return this.seen <= this.maxBytes;
		}

		/**
		 * Counts bytes that were read, failing once the body has gone over the limit.
		 * @param bytes how many
		 * @throws RequestBodyTooLargeException once the body is over the limit
		 */
		public void addOrThrow(long bytes) {
			if (!add(bytes)) {
				throw new RequestBodyTooLargeException(this.maxBytes);
			}
		}

	}

}
