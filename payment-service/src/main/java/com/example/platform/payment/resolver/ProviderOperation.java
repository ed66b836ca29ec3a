package com.example.platform.payment.resolver;

import java.time.Instant;

import com.example.platform.support.retry.Attempts;
import com.example.platform.support.retry.RetryPolicy;

/**
 * An operation at the payment provider whose outcome may not be known at once (a charge,
 * a refund): while it is pending, the resolver asks the provider again, counting its
 * attempts, until the outcome is known or the attempts are used up.
 */
public abstract class ProviderOperation {

	private final Attempts attempts;

	private Instant updatedAt;

	/**
	 * @param now the current time
	 * @param firstAttemptAt when the resolver takes over if no outcome is stored before
	 */
	protected ProviderOperation(Instant now, Instant firstAttemptAt) {
		this(Attempts.dueAt(firstAttemptAt), now);
	}

	/**
	 * An operation as stored.
	 * @param attempts its attempt bookkeeping
	 * @param updatedAt when it last changed
	 */
	protected ProviderOperation(Attempts attempts, Instant updatedAt) {
		this.attempts = attempts;
		this.updatedAt = updatedAt;
	}

	/**
	 * @return whether the provider's outcome is still unknown
	 */
	public abstract boolean isPending();

	/**
	 * Moves the operation to its failed state; the reason is already recorded.
	 * @param now the current time
	 */
	protected abstract void fail(Instant now);

	/**
	 * Takes the operation for one resolver attempt: counts it and schedules the next one
	 * already, so a crash during the attempt delays the operation but never loses it.
	 * @param now the current time
	 * @param policy the resolver's retry policy
	 */
	public void startAttempt(Instant now, RetryPolicy policy) {
		if (!isPending()) {
			throw new IllegalStateException("Only a pending operation is resolved; " + this + " is not");
		}
		this.attempts.start(now, policy);
		this.updatedAt = now;
	}

	/**
	 * After a resolver attempt's outcome was recorded: an operation still pending after
	 * the last allowed attempt fails, with the last reason.
	 * @param now the current time
	 * @param policy the resolver's retry policy
	 */
	public void giveUpIfExhausted(Instant now, RetryPolicy policy) {
		if (isPending() && this.attempts.exhausted(policy)) {
			this.attempts.noteFailure("No outcome from the provider after " + this.attempts.count()
					+ " resolver attempts; last: " + this.attempts.lastFailure());
			fail(now);
		}
	}

	/**
	 * Records why the provider gave no (or a refusing) outcome.
	 * @param reason what happened, cut to the column's length
	 * @param now the current time
	 */
	protected void noteFailure(String reason, Instant now) {
		this.attempts.noteFailure(reason);
		this.updatedAt = now;
	}

	/**
	 * The outcome is final: nothing is left for the resolver.
	 * @param now the current time
	 */
	protected void settle(Instant now) {
		this.attempts.settle();
		this.updatedAt = now;
	}

	public int getAttempts() {
		return this.attempts.count();
	}

	public Instant getNextAttemptAt() {
		return this.attempts.nextAttemptAt();
	}

	public String getFailureReason() {
		return this.attempts.lastFailure();
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
