package com.example.platform.payment.resolver;

/**
 * How much the resolver takes on per run.
 *
 * @param batchSize how many due operations of each kind one run claims
 */
public record ResolverSettings(int batchSize) {

	public ResolverSettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1");
		}
	}

}
