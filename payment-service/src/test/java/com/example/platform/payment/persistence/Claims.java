package com.example.platform.payment.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Resolver claims racing each other, for the queue tests.
 */
final class Claims {

	private static final long SECONDS = 30;

	private Claims() {
	}

	/**
	 * Two runners (threads standing in for two instances) start together and claim in
	 * transactions of their own until nothing is left.
	 * @param <T> what a claim returns per row
	 * @param transactions the transactions
	 * @param claim one claim
	 * @return everything both claimed, in one list
	 */
	static <T> List<T> byTwoRunners(TransactionOperations transactions, Supplier<List<T>> claim) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<List<T>>> runners = new ArrayList<>();
		for (int runner = 0; runner < 2; runner++) {
			runners.add(() -> {
				start.await();
				List<T> mine = new ArrayList<>();
				List<T> batch;
				do {
					batch = transactions.execute(status -> claim.get());
					mine.addAll(batch);
				}
				while (!batch.isEmpty());
				return mine;
			});
		}
		List<T> both = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			List<Future<List<T>>> futures = runners.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<List<T>> future : futures) {
				both.addAll(future.get(SECONDS, TimeUnit.SECONDS));
			}
		}
		return both;
	}

	/**
	 * One claim holds its rows (its transaction open) while a second claim runs.
	 * @param <T> what a claim returns per row
	 * @param transactions the transactions
	 * @param holding the claim that holds its rows
	 * @param meanwhile the claim made meanwhile; it must not wait for the first
	 * @return what the holding claim got, then what the second got
	 */
	static <T> List<List<T>> whileAnotherHolds(TransactionOperations transactions, Supplier<List<T>> holding,
			Supplier<List<T>> meanwhile) throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			try {
				Future<List<T>> holder = pool.submit(() -> transactions.execute(status -> {
					List<T> rows = holding.get();
					held.countDown();
					awaitQuietly(release);
					return rows;
				}));
				if (!held.await(SECONDS, TimeUnit.SECONDS)) {
					throw new IllegalStateException("The first claim did not get its rows: " + holder);
				}
				// Waiting on the held rows (FOR UPDATE without SKIP LOCKED) times out
				// here.
				List<T> other = pool.submit(() -> transactions.execute(status -> meanwhile.get()))
					.get(10, TimeUnit.SECONDS);
				release.countDown();
				return List.of(holder.get(SECONDS, TimeUnit.SECONDS), other);
			}
			finally {
				release.countDown();
			}
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			if (!latch.await(SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Never released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
