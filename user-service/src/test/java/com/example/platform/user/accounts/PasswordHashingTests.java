package com.example.platform.user.accounts;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class PasswordHashingTests {

	private final HeldEncoder encoder = new HeldEncoder();

	// A thread per caller (the common pool may have a single one on a small machine).
	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	@AfterEach
	void releaseHeldHashes() {
		this.encoder.release.countDown();
		this.threads.close();
	}

	@Test
	void hashesAndChecksThroughTheEncoder() {
		this.encoder.release.countDown();
		PasswordHashing hashing = new PasswordHashing(this.encoder, 1, Duration.ofSeconds(1));

		assertThat(hashing.hash("secret")).isEqualTo("hash:secret");
		assertThat(hashing.matches("secret", "hash:secret")).isTrue();
		assertThat(hashing.matches("other", "hash:secret")).isFalse();
	}

	@Test
	void refusesWithoutHashingWhatWaitedPastItsTurnAndGoesOn() throws Exception {
		PasswordHashing hashing = new PasswordHashing(this.encoder, 1, Duration.ofMillis(50));
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hashing.hash("first"), this.threads);
		assertThat(this.encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> hashing.hash("second"), this.threads);
		CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> hashing.matches("x", "hash:x"),
				this.threads);
		await().atMost(Duration.ofSeconds(10)).until(() -> hashing.waiting() == 2);
		pastTheirWait();

		this.encoder.release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("hash:first");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> second.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(PasswordHashingBusyException.class)
			.withMessageContaining("Try again in a moment");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> third.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(PasswordHashingBusyException.class);
		assertThat(this.encoder.calls.get()).isEqualTo(1);
		assertThat(hashing.hash("fourth")).isEqualTo("hash:fourth");
	}

	@Test
	void letsAWaitingRequestInWhenASlotFreesWithinItsWait() throws Exception {
		PasswordHashing hashing = new PasswordHashing(this.encoder, 1, Duration.ofSeconds(30));
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hashing.hash("first"), this.threads);
		assertThat(this.encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> hashing.matches("x", "hash:x"),
				this.threads);
		await().atMost(Duration.ofSeconds(10)).until(() -> hashing.waiting() == 1);

		this.encoder.release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("hash:first");
		assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(hashing.waiting()).isZero();
	}

	@Test
	void runsAsManyAtOnceAsAllowed() throws Exception {
		PasswordHashing hashing = new PasswordHashing(this.encoder, 2, Duration.ofMillis(50));
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hashing.hash("first"), this.threads);
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> hashing.hash("second"), this.threads);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.encoder.inside.get() == 2);
		CompletableFuture<String> third = CompletableFuture.supplyAsync(() -> hashing.hash("third"), this.threads);
		await().atMost(Duration.ofSeconds(10)).until(() -> hashing.waiting() == 1);
		pastTheirWait();

		this.encoder.release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("hash:first");
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("hash:second");
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> third.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(PasswordHashingBusyException.class);
	}

	@Test
	void freesTheSlotWhenTheEncoderFails() {
		PasswordHashing hashing = new PasswordHashing(new FailingEncoder(new IllegalStateException("no entropy")), 1,
				Duration.ofMillis(50));

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> hashing.hash("a"));
		assertThat(hashing.matches("a", "b")).isTrue();
	}

	@Test
	void passesAnErrorOfTheEncoderOnAsItIs() {
		OutOfMemoryError error = new OutOfMemoryError("Java heap space");
		PasswordHashing hashing = new PasswordHashing(new FailingEncoder(error), 1, Duration.ofSeconds(1));

		assertThatExceptionOfType(OutOfMemoryError.class).isThrownBy(() -> hashing.hash("a")).isSameAs(error);
		assertThat(hashing.matches("a", "b")).isTrue();
	}

	@Test
	void keepsACheckedFailureOfTheEncoderAsTheCauseOfAnIllegalState() {
		// Undeclared, as an encoder in Kotlin or with @SneakyThrows may throw it
		GeneralSecurityException failure = new GeneralSecurityException("PBKDF2WithHmacSHA256 not available");
		PasswordHashing hashing = new PasswordHashing(new FailingEncoder(failure), 1, Duration.ofSeconds(1));

		assertThatIllegalStateException().isThrownBy(() -> hashing.hash("a")).havingCause().isSameAs(failure);
	}

	@Test
	void refusesAWaitingRequestWhoseThreadIsInterruptedAndKeepsTheInterrupt() throws Exception {
		PasswordHashing hashing = new PasswordHashing(this.encoder, 1, Duration.ofSeconds(30));
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hashing.hash("first"), this.threads);
		assertThat(this.encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> second = new CompletableFuture<>();
		AtomicBoolean interruptedWhenRefused = new AtomicBoolean();
		Thread waiter = Thread.ofVirtual().start(() -> {
			try {
				second.complete(hashing.hash("second"));
			}
			catch (RuntimeException ex) {
				interruptedWhenRefused.set(Thread.currentThread().isInterrupted());
				second.completeExceptionally(ex);
			}
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> hashing.waiting() == 1);

		waiter.interrupt();

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> second.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(PasswordHashingBusyException.class);
		assertThat(interruptedWhenRefused).isTrue();
		this.encoder.release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("hash:first");
		// In arrival order: once this one is hashed, the interrupted one's turn is over
		assertThat(hashing.hash("third")).isEqualTo("hash:third");
		assertThat(this.encoder.calls.get()).isEqualTo(2);
	}

	@Test
	void refusesWhatStillWaitsWhenClosed() throws Exception {
		PasswordHashing hashing = new PasswordHashing(this.encoder, 1, Duration.ofSeconds(30));
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hashing.hash("first"), this.threads);
		assertThat(this.encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> hashing.hash("second"), this.threads);
		await().atMost(Duration.ofSeconds(10)).until(() -> hashing.waiting() == 1);

		hashing.close();

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> second.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(PasswordHashingBusyException.class);
		assertThatExceptionOfType(PasswordHashingBusyException.class).isThrownBy(() -> hashing.hash("third"));
		this.encoder.release.countDown();
		first.handle((hash, failure) -> null).get(10, TimeUnit.SECONDS);
	}

	@Test
	void needsAtLeastOneSlot() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHashing(this.encoder, 0, Duration.ZERO))
			.withMessage("At least one password hash at a time, not 0");
	}

	/** Lets more than the 50 ms the queued requests may wait pass. */
	private static void pastTheirWait() {
		long queued = System.nanoTime();
		await().pollDelay(Duration.ofMillis(60))
			.atMost(Duration.ofSeconds(10))
			.until(() -> System.nanoTime() - queued > Duration.ofMillis(60).toNanos());
	}

	/** Fails every hash with the given failure; every check matches. */
	private static final class FailingEncoder implements PasswordEncoder {

		private final Throwable failure;

		FailingEncoder(Throwable failure) {
			this.failure = failure;
		}

		@Override
		public String encode(CharSequence raw) {
			throw FailingEncoder.<RuntimeException>undeclared(this.failure);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			return true;
		}

		@SuppressWarnings("unchecked")
		private static <T extends Throwable> T undeclared(Throwable failure) throws T {
			throw (T) failure;
		}

	}

	/** Hashes as "hash:" + the password, each one held until released. */
	private static final class HeldEncoder implements PasswordEncoder {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger inside = new AtomicInteger();

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public String encode(CharSequence raw) {
			hold();
			return "hash:" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			hold();
			return encoded.equals("hash:" + raw);
		}

		private void hold() {
			this.calls.incrementAndGet();
			this.inside.incrementAndGet();
			this.entered.countDown();
			try {
				if (!this.release.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				this.inside.decrementAndGet();
			}
		}

	}

}
