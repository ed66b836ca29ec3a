package com.example.platform.payment.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.payments.Payments;
import com.example.platform.payment.refunds.Refund;
import com.example.platform.payment.refunds.RefundOutcome;
import com.example.platform.payment.refunds.RefundProvider;
import com.example.platform.payment.refunds.RefundRepository;
import com.example.platform.payment.refunds.RefundStatus;
import com.example.platform.payment.resolver.PendingOperation;
import com.example.platform.support.retry.RetryPolicy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Refunds through the real schema with plain SQL: every column round-trips (nulls
 * included), each change is stored by an explicit update that checks the version read,
 * what a payment's refunds hold is summed as before, and the resolver's queue hands a due
 * refund to one claim only.
 */
@QuietResolver
class JdbcRefundRepositoryIT {

	/** With microseconds, the database's precision. */
	private static final Instant CREATED = Instant.parse("2026-11-25T10:05:00.654321Z");

	@Autowired
	RefundRepository refunds;

	@Autowired
	PaymentRepository payments;

	@Autowired
	PendingOperation<RefundProvider.RefundRequest, RefundOutcome> pendingRefunds;

	@Autowired
	RetryPolicy retry;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcClient jdbc;

	private Payment paid;

	@BeforeEach
	void cleanAndPay() {
		this.jdbc.sql("delete from refund").update();
		this.jdbc.sql("delete from payment").update();
		this.paid = this.payments.save(Payments.approved(100_000));
	}

	@Test
	void storesEveryColumnOfANewRefundWithItsNulls() {
		Refund refund = refundDueAt(1000, CREATED, CREATED.plusSeconds(30));

		Refund.Stored reloaded = this.refunds.findById(refund.getId()).orElseThrow().stored();
		assertThat(reloaded).isEqualTo(refund.stored());
		assertThat(reloaded).isEqualTo(new Refund.Stored(refund.getId(), this.paid.getId(), 1000, "EUR",
				RefundStatus.PENDING, null, null, 0, CREATED.plusSeconds(30), CREATED, CREATED, 0L));
	}

	@Test
	void storesEveryChangeExplicitlyAndCountsTheVersion() {
		Refund refund = refundDueAt(1000, CREATED, CREATED.plusSeconds(30));

		Instant later = CREATED.plusSeconds(31);
		Refund unknown = this.transactions.execute(status -> {
			Refund current = this.refunds.findForUpdate(refund.getId()).orElseThrow();
			current.record(new RefundOutcome.Unknown("HTTP 503"), later);
			current.startAttempt(later, this.retry);
			return this.refunds.save(current);
		});
		Refund.Stored pending = this.refunds.findById(refund.getId()).orElseThrow().stored();
		assertThat(pending).isEqualTo(unknown.stored());
		assertThat(pending.version()).isEqualTo(1);
		assertThat(pending.failureReason()).isEqualTo("HTTP 503");
		assertThat(pending.attempts()).isEqualTo(1);
		assertThat(pending.nextAttemptAt()).isAfter(later);

		Instant settled = later.plusSeconds(1);
		Refund succeeded = this.refunds.findById(refund.getId()).orElseThrow();
		succeeded.record(new RefundOutcome.Succeeded("re_7"), settled);
		this.refunds.save(succeeded);
		Refund.Stored reloaded = this.refunds.findById(refund.getId()).orElseThrow().stored();
		assertThat(reloaded).isEqualTo(succeeded.stored());
		assertThat(reloaded.status()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(reloaded.providerRefundId()).isEqualTo("re_7");
		assertThat(reloaded.nextAttemptAt()).as("nothing left to resolve").isNull();
		assertThat(reloaded.updatedAt()).isEqualTo(settled);
		assertThat(reloaded.version()).isEqualTo(2);
	}

	@Test
	void refusesToOverwriteAChangeMadeSinceTheRefundWasRead() {
		Refund refund = refundDueAt(1000, CREATED, CREATED.plusSeconds(30));
		Refund mine = this.refunds.findById(refund.getId()).orElseThrow();
		Refund theirs = this.refunds.findById(refund.getId()).orElseThrow();
		theirs.record(new RefundOutcome.Succeeded("re_1"), CREATED.plusSeconds(1));
		this.refunds.save(theirs);

		mine.record(new RefundOutcome.Failed("HTTP 400"), CREATED.plusSeconds(2));
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.refunds.save(mine));
		assertThat(this.refunds.findById(refund.getId()).orElseThrow().getStatus()).isEqualTo(RefundStatus.SUCCEEDED);
	}

	@Test
	void reservesPendingAndSucceededRefundsOfThePaymentOnlyAndCountsByStatus() {
		assertThat(this.refunds.sumReserved(this.paid.getId())).isZero();
		refundDueAt(1000, CREATED, CREATED.plusSeconds(30));
		Refund succeeded = refundDueAt(500, CREATED, CREATED.plusSeconds(30));
		succeeded.record(new RefundOutcome.Succeeded("re_1"), CREATED);
		this.refunds.save(succeeded);
		Refund failed = refundDueAt(700, CREATED, CREATED.plusSeconds(30));
		failed.record(new RefundOutcome.Failed("HTTP 400"), CREATED);
		this.refunds.save(failed);
		Payment other = this.payments.save(Payments.approved(5000));
		this.refunds.save(Refund.initiate(UUID.randomUUID(), other, new Money(4000, "EUR"), 0, CREATED, CREATED));

		assertThat(this.refunds.sumReserved(this.paid.getId())).isEqualTo(1500);
		assertThat(this.refunds.countByStatus(RefundStatus.PENDING)).isEqualTo(2);
		assertThat(this.refunds.countByStatus(RefundStatus.SUCCEEDED)).isEqualTo(1);
		assertThat(this.refunds.countByStatus(RefundStatus.FAILED)).isEqualTo(1);
	}

	@Test
	void queuesOnlyDuePendingRefundsOldestFirst() {
		Instant now = Instant.now();
		Refund oldest = refundDueAt(100, now, now.minusSeconds(3));
		Refund older = refundDueAt(100, now, now.minusSeconds(2));
		refundDueAt(100, now, now.minusSeconds(1));
		refundDueAt(100, now, now.plusSeconds(3600));
		Refund settled = refundDueAt(100, now, now.minusSeconds(10));
		settled.record(new RefundOutcome.Succeeded("re_1"), now);
		this.refunds.save(settled);

		List<Refund> firstTwo = this.transactions.execute(status -> this.refunds.findDueForResolver(now, 2));
		List<Refund> allDue = this.transactions.execute(status -> this.refunds.findDueForResolver(now, 10));
		assertThat(firstTwo).extracting(Refund::getId).containsExactly(oldest.getId(), older.getId());
		assertThat(allDue).hasSize(3);
	}

	@Test
	void aClaimSkipsRefundsAnotherClaimHoldsInsteadOfWaitingForThem() throws Exception {
		Instant now = Instant.now();
		List<UUID> due = new ArrayList<>();
		for (int i = 4; i > 0; i--) {
			due.add(refundDueAt(100, now, now.minusSeconds(i)).getId());
		}

		List<List<UUID>> claims = Claims.whileAnotherHolds(this.transactions,
				() -> ids(this.refunds.findDueForResolver(now, 2)), () -> ids(this.refunds.findDueForResolver(now, 4)));

		assertThat(claims.get(0)).containsExactlyElementsOf(due.subList(0, 2));
		assertThat(claims.get(1)).as("the held ones skipped").containsExactlyElementsOf(due.subList(2, 4));
	}

	@Test
	void twoConcurrentResolversNeverClaimTheSameRefund() throws Exception {
		Instant now = Instant.now();
		Set<UUID> all = new HashSet<>();
		for (int i = 0; i < 60; i++) {
			all.add(refundDueAt(100, now, now.minusSeconds(1)).getId());
		}

		List<UUID> claimed = Claims.byTwoRunners(this.transactions, () -> this.pendingRefunds.claimDue(now, 7))
			.stream()
			.map(RefundProvider.RefundRequest::reference)
			.toList();

		assertThat(claimed).doesNotHaveDuplicates().hasSameSizeAs(all);
		assertThat(new HashSet<>(claimed)).isEqualTo(all);
		assertThat(this.refunds.findById(claimed.get(0)).orElseThrow().getAttempts()).as("claiming is stored")
			.isEqualTo(1);
	}

	private Refund refundDueAt(long amount, Instant createdAt, Instant dueAt) {
		return this.refunds
			.save(Refund.initiate(UUID.randomUUID(), this.paid, new Money(amount, "EUR"), 0, createdAt, dueAt));
	}

	private static List<UUID> ids(List<Refund> refunds) {
		return refunds.stream().map(Refund::getId).toList();
	}

}
