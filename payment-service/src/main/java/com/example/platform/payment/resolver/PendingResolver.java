package com.example.platform.payment.resolver;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Finds the real outcome of pending operations by asking the provider again, for every
 * kind of {@link PendingOperation}, in one loop: claim the due ones (with
 * {@code FOR UPDATE SKIP LOCKED}, so instances share the work, and with their next
 * attempt scheduled before the provider is called, so a crash only delays it), ask the
 * provider about each without holding a transaction, record each outcome in a transaction
 * of its own.
 */
@Service
public class PendingResolver {

	private static final Log logger = LogFactory.getLog(PendingResolver.class);

	private final List<PendingOperation<?, ?>> operations;

	private final TransactionOperations transactions;

	private final ResolverSettings settings;

	private final Clock clock;

	public PendingResolver(List<PendingOperation<?, ?>> operations, TransactionOperations transactions,
			ResolverSettings settings, Clock clock) {
		this.operations = List.copyOf(operations);
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * One resolver run over every kind of pending operation.
	 */
	public void resolveDue() {
		for (PendingOperation<?, ?> operation : this.operations) {
			try {
				resolve(operation);
			}
			catch (RuntimeException ex) {
				// The next run tries again; nothing was lost, the rows are still pending.
				logger.error("Resolver run failed for " + operation.getClass().getSimpleName(), ex);
			}
		}
	}

	/**
	 * Takes one attempt at each due operation of one kind.
	 * @param <W> what an attempt needs
	 * @param <O> the provider's outcome
	 * @param operation the kind of operation
	 * @return how many operations were attempted
	 */
	public <W, O> int resolve(PendingOperation<W, O> operation) {
		List<W> due = this.transactions.execute(status -> operation.claimDue(now(), this.settings.batchSize()));
		for (W work : due) {
			O outcome = operation.ask(work);
			this.transactions.executeWithoutResult(status -> operation.record(work, outcome, now()));
		}
		return due.size();
	}

	/**
	 * The current time at the database's precision (microseconds).
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
