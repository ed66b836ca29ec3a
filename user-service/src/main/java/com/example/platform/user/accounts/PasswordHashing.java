package com.example.platform.user.accounts;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes and checks the users' passwords, a bounded number at a time. A hash is
 * deliberately slow (PBKDF2, 310,000 iterations: tens of milliseconds of a core), and
 * every registration and login needs one; without a bound, a burst beyond what the cores
 * can hash made every request slower together and, with virtual threads accepting without
 * limit, the waiting requests piled up until the heap ran out. Here at most
 * {@code concurrency} hashes run at once, in arrival order; a request that cannot get a
 * slot within {@code maxWait} is refused with {@link PasswordHashingBusyException} (a
 * {@code 503} with {@code Retry-After}), so the ones admitted finish in bounded time and
 * the service stays up. The platform's own services check their client secrets outside
 * this bound: a flood of logins never holds up their tokens.
 */
public class PasswordHashing {

	private final PasswordEncoder encoder;

	private final Semaphore slots;

	private final Duration maxWait;

	/**
	 * @param encoder the password encoder
	 * @param concurrency hashes at once, at most (the cores, usually)
	 * @param maxWait how long a request waits for a slot before it is refused
	 */
	public PasswordHashing(PasswordEncoder encoder, int concurrency, Duration maxWait) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("At least one password hash at a time, not " + concurrency);
		}
		this.encoder = encoder;
		this.slots = new Semaphore(concurrency, true);
		this.maxWait = maxWait;
	}

	/**
	 * @param password the password in clear
	 * @return its hash, to store
	 * @throws PasswordHashingBusyException if no slot freed up in time
	 */
	public String hash(String password) {
		return bounded(() -> this.encoder.encode(password));
	}

	/**
	 * @param password the password in clear
	 * @param hash the stored hash
	 * @return whether they match
	 * @throws PasswordHashingBusyException if no slot freed up in time
	 */
	public boolean matches(String password, String hash) {
		return bounded(() -> this.encoder.matches(password, hash));
	}

	private <T> T bounded(Supplier<T> work) {
		boolean admitted;
		try {
			admitted = this.slots.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusyException();
		}
		if (!admitted) {
			throw new PasswordHashingBusyException();
		}
		try {
			return work.get();
		}
		finally {
			this.slots.release();
		}
	}

	/**
	 * @return requests waiting for a slot now
	 */
	public int waiting() {
		return this.slots.getQueueLength();
	}

}
