package com.example.platform.support.retry;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The retry state of one piece of work stored with the entity it belongs to: how many
 * attempts were made, when the next one is due ({@code null} once nothing is left to do),
 * and why the last one did not settle it. Embed it in an entity; override the column
 * names with {@code @AttributeOverride} where a table names them differently.
 * <p>
 * An attempt is counted and the next one scheduled <em>before</em> the dependency is
 * called ({@link #start}), so a crash during the call delays the work but never loses it,
 * and several instances never take the same due work at once.
 */
@Embeddable
public class Attempts {

	/** Longest failure reason kept; longer ones are cut. */
	public static final int MAX_REASON = 500;

	@Column(name = "attempts", nullable = false)
	private int count;

	@Column(name = "next_attempt_at")
	private Instant nextAttemptAt;

	@Column(name = "last_failure", length = MAX_REASON)
	private String lastFailure;

	protected Attempts() {
		// for JPA
	}

	private Attempts(Instant nextAttemptAt) {
		this.nextAttemptAt = nextAttemptAt;
	}

	/**
	 * New work: no attempt made, the first retry due after the policy's first delay.
	 * @param now the current time
	 * @param policy the retry policy
	 * @return the bookkeeping of new work
	 */
	public static Attempts firstDue(Instant now, RetryPolicy policy) {
		return new Attempts(policy.firstAttemptAt(now));
	}

	/**
	 * The bookkeeping as stored, for a repository that reads it back with plain SQL.
	 * @param count attempts made so far
	 * @param nextAttemptAt when the next attempt is due, {@code null} when none is
	 * @param lastFailure why the last attempt failed, if it did
	 * @return the stored bookkeeping
	 */
	public static Attempts restore(int count, Instant nextAttemptAt, String lastFailure) {
		Attempts attempts = new Attempts(nextAttemptAt);
		attempts.count = count;
		attempts.lastFailure = lastFailure;
		return attempts;
	}

	/**
	 * @param at when the work is first due
	 * @return the bookkeeping of new work due at {@code at}
	 */
	public static Attempts dueAt(Instant at) {
		return new Attempts(at);
	}

	/**
	 * Counts an attempt that starts now and schedules the next one already.
	 * @param now the current time
	 * @param policy the retry policy
	 */
	public void start(Instant now, RetryPolicy policy) {
		this.count++;
		this.nextAttemptAt = policy.nextAttemptAt(now, this.count);
	}

	/**
	 * Records why the last attempt did not settle the work and when to try again.
	 * @param reason what went wrong, kept for operators
	 * @param now the current time
	 * @param policy the retry policy
	 */
	public void failed(String reason, Instant now, RetryPolicy policy) {
		this.lastFailure = truncate(reason);
		this.nextAttemptAt = policy.nextAttemptAt(now, Math.max(this.count, 1));
	}

	/**
	 * Records why the last attempt did not settle the work, keeping the schedule.
	 * @param reason what went wrong
	 */
	public void noteFailure(String reason) {
		this.lastFailure = truncate(reason);
	}

	/**
	 * Makes the work due at a given time, without counting an attempt (new work that must
	 * be looked at soon, e.g. a cancellation asked for now).
	 * @param at when the work is due
	 */
	public void dueAgainAt(Instant at) {
		this.nextAttemptAt = at;
	}

	/**
	 * Nothing is left to do: the work is no longer due.
	 */
	public void settle() {
		this.nextAttemptAt = null;
	}

	/**
	 * @param policy the retry policy
	 * @return whether the attempts allowed are used up
	 */
	public boolean exhausted(RetryPolicy policy) {
		return policy.exhausted(this.count);
	}

	/**
	 * @return attempts made so far
	 */
	public int count() {
		return this.count;
	}

	/**
	 * @return when the next attempt is due, {@code null} when none is
	 */
	public Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	/**
	 * @return why the last attempt failed, if it did
	 */
	public String lastFailure() {
		return this.lastFailure;
	}

	/**
	 * @param reason a reason of any length, or {@code null}
	 * @return the reason cut to {@link #MAX_REASON} characters
	 */
	public static String truncate(String reason) {
		if (reason == null) {
			return null;
		}
		return (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
	}

}
