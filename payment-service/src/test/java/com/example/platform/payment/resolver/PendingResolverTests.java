package com.example.platform.payment.resolver;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

class PendingResolverTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final List<String> journal = new ArrayList<>();

	/** Notes where each transaction starts and ends, to see what runs inside one. */
	private final TransactionOperations transactions = new TransactionOperations() {

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			PendingResolverTests.this.journal.add("begin");
			T result = action.doInTransaction(mock(TransactionStatus.class));
			PendingResolverTests.this.journal.add("commit");
			return result;
		}

	};

	@Test
	void claimsInATransactionAsksOutsideAnyAndRecordsEachOutcomeInATransactionOfItsOwn() {
		Operation operation = new Operation("a", List.of("w1", "w2"));
		PendingResolver resolver = new PendingResolver(List.of(operation), this.transactions, new ResolverSettings(7),
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(resolver.resolve(operation)).isEqualTo(2);
		assertThat(this.journal).containsExactly("begin", "a claims 7", "commit", "a asks w1", "begin",
				"a records w1 -> outcome of w1", "commit", "a asks w2", "begin", "a records w2 -> outcome of w2",
				"commit");
	}

	@Test
	void claimsWhatIsDueNowAndRecordsAtTheDatabasesPrecision() {
		Operation operation = new Operation("a", List.of("w1"));
		Instant nanos = NOW.plusNanos(123_456_789);
		new PendingResolver(List.of(operation), this.transactions, new ResolverSettings(7),
				Clock.fixed(nanos, ZoneOffset.UTC))
			.resolve(operation);
		assertThat(operation.times).containsExactly(NOW.plusNanos(123_456_000), NOW.plusNanos(123_456_000));
	}

	@Test
	void everyKindOfOperationIsResolvedEvenWhenAnotherFails() {
		Operation failing = new Operation("broken", null);
		Operation working = new Operation("b", List.of("w"));
		new PendingResolver(List.of(failing, working), this.transactions, new ResolverSettings(5),
				Clock.fixed(NOW, ZoneOffset.UTC))
			.resolveDue();
		assertThat(this.journal).contains("b records w -> outcome of w");
	}

	@Test
	void batchesAreAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ResolverSettings(0));
		assertThat(new ResolverSettings(1).batchSize()).isEqualTo(1);
	}

	private final class Operation implements PendingOperation<String, String> {

		private final String name;

		private final List<String> due;

		/** When each claim and each record said it happened. */
		private final List<Instant> times = new ArrayList<>();

		Operation(String name, List<String> due) {
			this.name = name;
			this.due = due;
		}

		@Override
		public List<String> claimDue(Instant now, int limit) {
			if (this.due == null) {
				throw new IllegalStateException("database down");
			}
			PendingResolverTests.this.journal.add(this.name + " claims " + limit);
			this.times.add(now);
			return this.due;
		}

		@Override
		public String ask(String work) {
			PendingResolverTests.this.journal.add(this.name + " asks " + work);
			return "outcome of " + work;
		}

		@Override
		public void record(String work, String outcome, Instant now) {
			PendingResolverTests.this.journal.add(this.name + " records " + work + " -> " + outcome);
			this.times.add(now);
		}

	}

}
