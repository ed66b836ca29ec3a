package com.example.platform.support.events;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The order in which the outbox's sends reach the producer: each send takes a ticket when
 * it is submitted (after its transaction's commit, so in commit order) and waits, just
 * before handing its record to the producer, until every earlier ticket has passed, that
 * is handed its record over or ended without one. No send waits for another's
 * acknowledgement, so the sends of many events overlap while an aggregate's events still
 * reach its partition in the order they were committed.
 */
final class SendOrder {

	private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition turnChanged = this.lock.newCondition();

	private final Set<Long> passedEarly = new HashSet<>();

	private long next;

	private long turn;

	/**
	 * @return the next ticket, in submission order
	 */
	long take() {
		this.lock.lock();
		try {
			return this.next++;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until every ticket before this one has passed.
	 * @param ticket a ticket from {@link #take()}
	 * @throws InterruptedException if interrupted while waiting
	 */
	void awaitTurn(long ticket) throws InterruptedException {
		this.lock.lock();
		try {
			while (this.turn < ticket) {
				this.turnChanged.await();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Lets the tickets after this one go; passing a ticket again does nothing.
	 * @param ticket a ticket from {@link #take()}
	 */
	void passed(long ticket) {
		this.lock.lock();
		try {
			if (ticket < this.turn) {
				return;
			}
			this.passedEarly.add(ticket);
			while (this.passedEarly.remove(this.turn)) {
				this.turn++;
			}
			this.turnChanged.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Runs a send with its ticket bound to the thread, passing the ticket when it ends
	 * whether or not it reached the producer.
	 * @param ticket the send's ticket
	 * @param send the send
	 */
	void run(long ticket, Runnable send) {
		CURRENT.set(ticket);
		try {
			send.run();
		}
		finally {
			CURRENT.remove();
			passed(ticket);
		}
	}

	/**
	 * @return the ticket of the send running on this thread, if any
	 */
	static @Nullable Long current() {
		return CURRENT.get();
	}

}
