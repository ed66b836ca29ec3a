package com.example.platform.user.accounts;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks the users' passwords, a bounded number at a time. A hash is
 * deliberately slow (PBKDF2, 310,000 iterations: tens of milliseconds of a core), and
 * every registration and login needs one; without a bound, a burst beyond what the cores
 * can hash made every request slower together and, with virtual threads accepting without
 * limit, the waiting requests piled up until the heap ran out. Here at most
 * {@code concurrency} hashes run at once, on threads of their own, in arrival order; a
 * request whose turn has not come within {@code maxWait} is refused with
 * {@link PasswordHashingBusyException} (a {@code 503} with {@code Retry-After}), so the
 * ones admitted finish in bounded time, the rest of the service keeps its threads, and it
 * stays up. The platform's own services check their client secrets outside this bound: a
 * flood of logins never holds up their tokens.
 */
public class PasswordHashing implements AutoCloseable {

	private final PasswordEncoder encoder;

	private final ThreadPoolExecutor workers;

	private final Duration maxWait;

	/**
	 * @param encoder the password encoder
	 * @param concurrency hashes at once, at most (the cores, usually)
	 * @param maxWait how long a request waits for its turn before it is refused
	 */
	public PasswordHashing(PasswordEncoder encoder, int concurrency, Duration maxWait) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("At least one password hash at a time, not " + concurrency);
		}
		this.encoder = encoder;
		this.maxWait = maxWait;
		this.workers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), Thread.ofPlatform().name("password-hashing-", 0).daemon().factory());
	}

	/**
	 * @param password the password in clear
	 * @return its hash, to store
	 * @throws PasswordHashingBusyException if its turn did not come in time
	 */
	public String hash(String password) {
		return bounded(() -> this.encoder.encode(password));
	}

	/**
	 * @param password the password in clear
	 * @param hash the stored hash
	 * @return whether they match
	 * @throws PasswordHashingBusyException if its turn did not come in time
	 */
	public boolean matches(String password, String hash) {
		return bounded(() -> this.encoder.matches(password, hash));
	}

	/**
	 * Runs the hash on one of the hashing threads, in arrival order, and waits for it.
	 * The hashes run on platform threads of their own, not on the request's virtual
	 * thread: CPU-bound work there would occupy the few carrier threads every other
	 * request needs, and a waiting request could not even be woken to be refused. Whoever
	 * waited past {@code maxWait} when its turn comes is refused without being hashed, so
	 * a backlog drains at once.
	 */
	private <T> T bounded(Supplier<T> work) {
		long deadline = System.nanoTime() + this.maxWait.toNanos();
		Future<T> result;
		try {
			result = this.workers.submit(() -> {
				if (System.nanoTime() - deadline > 0) {
					throw new PasswordHashingBusyException();
				}
				return work.get();
			});
		}
		catch (RejectedExecutionException ex) {
			throw new PasswordHashingBusyException();
		}
		try {
			return result.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (CancellationException ex) {
			// closed while it waited
			throw new PasswordHashingBusyException();
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusyException();
		}
	}

	/**
	 * @return requests waiting for their turn now
	 */
	public int waiting() {
		return this.workers.getQueue().size();
	}

	/** Stops the hashing threads; requests still waiting are refused. */
	@Override
	public void close() {
		// Every turn was queued by submit(), as a Future: cancelling it wakes its request
		for (Runnable waiting : this.workers.shutdownNow()) {
			((Future<?>) waiting).cancel(false);
		}
	}

}
