package com.example.platform.support.events;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The outbox's send order: a send waits only for the sends submitted before it to hand
 * their records over, in any order they finish.
 */
class SendOrderTests {

	private final SendOrder order = new SendOrder();

	@Test
	void theFirstTicketNeverWaits() throws InterruptedException {
		long first = this.order.take();
		this.order.awaitTurn(first);
		assertThat(first).isZero();
	}

	@Test
	void aTicketWaitsUntilEveryEarlierOneHasPassed() {
		long first = this.order.take();
		long second = this.order.take();
		long third = this.order.take();
		CompletableFuture<Void> waiting = awaitTurnOnAnotherThread(third);

		this.order.passed(second);
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

		this.order.passed(first);
		await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
	}

	@Test
	void passingATicketAgainChangesNothing() throws InterruptedException {
		long first = this.order.take();
		long second = this.order.take();
		this.order.passed(first);
		this.order.passed(first);
		this.order.awaitTurn(second);
		long third = this.order.take();
		CompletableFuture<Void> waiting = awaitTurnOnAnotherThread(third);
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
		this.order.passed(second);
		await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
	}

	@Test
	void aSendThatFailsBeforeReachingTheProducerStillLetsTheNextGo() {
		long failing = this.order.take();
		long next = this.order.take();
		CompletableFuture<Void> waiting = awaitTurnOnAnotherThread(next);

		assertThatIllegalStateException().isThrownBy(() -> this.order.run(failing, () -> {
			assertThat(SendOrder.current()).isEqualTo(failing);
			throw new IllegalStateException("serialization failed");
		}));

		await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
		assertThat(SendOrder.current()).isNull();
	}

	private CompletableFuture<Void> awaitTurnOnAnotherThread(long ticket) {
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
			started.countDown();
			try {
				this.order.awaitTurn(ticket);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}, (command) -> Thread.ofVirtual().start(command));
		try {
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return done;
	}

}
