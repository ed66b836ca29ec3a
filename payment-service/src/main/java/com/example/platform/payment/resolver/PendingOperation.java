package com.example.platform.payment.resolver;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.LogFactory;

/**
 * One kind of pending operation the {@link PendingResolver} settles: claim the due ones,
 * ask the provider about each, record what it said.
 *
 * @param <W> what one attempt needs to know about an operation, read while it was claimed
 * @param <O> the provider's outcome
 */
public interface PendingOperation<W, O> {

	/**
	 * Claims due operations, skipping those another instance holds, and starts an attempt
	 * on each ({@link ProviderOperation#startAttempt}). Runs in a transaction that
	 * commits before the provider is called.
	 * @param now the current time
	 * @param limit how many at most
	 * @return the claimed operations
	 */
	List<W> claimDue(Instant now, int limit);

	/**
	 * Asks the provider about an operation; runs outside any transaction.
	 * @param work the operation
	 * @return the provider's outcome, never an exception
	 */
	O ask(W work);

	/**
	 * Records the outcome of an attempt. Runs in a transaction.
	 * @param work the operation
	 * @param outcome what the provider said
	 * @param now the current time
	 */
	void record(W work, O outcome, Instant now);

	/**
	 * Calls the provider. Its adapter maps every answer to an outcome; anything it did
	 * not foresee still becomes an unknown outcome rather than an error, so the operation
	 * stays pending and is never lost.
	 * @param <O> the outcome's type
	 * @param call the provider call
	 * @param unknown the unknown outcome for a reason
	 * @return the outcome
	 */
	static <O> O safely(Supplier<O> call, Function<String, O> unknown) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			LogFactory.getLog(PendingOperation.class)
				.warn("Payment provider call failed unexpectedly; the outcome is unknown", ex);
			return unknown.apply("Provider call failed: " + ex.getClass().getSimpleName());
		}
	}

}
