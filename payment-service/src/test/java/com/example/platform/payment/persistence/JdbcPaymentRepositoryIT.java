package com.example.platform.payment.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.platform.payment.payments.ChargeOutcome;
import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.PaymentRepository;
import com.example.platform.payment.payments.PaymentStatus;
import com.example.platform.payment.resolver.PendingOperation;
import com.example.platform.support.retry.RetryPolicy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Payments through the real schema with plain SQL: every column round-trips (nulls
 * included), each change is stored by an explicit update that checks the version read,
 * and the resolver's queue hands a due payment to one claim only.
 */
@QuietResolver
class JdbcPaymentRepositoryIT {

	/** With microseconds, the database's precision. */
	private static final Instant CREATED = Instant.parse("2026-11-25T10:00:00.123456Z");

	/**
	 * More than a double holds exactly: money is a long, never a floating-point number.
	 */
	private static final long AMOUNT = 9_007_199_254_740_993L;

	@Autowired
	PaymentRepository payments;

	@Autowired
	PendingOperation<Payment, ChargeOutcome> pendingPayments;

	@Autowired
	RetryPolicy retry;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		this.jdbc.sql("delete from refund").update();
		this.jdbc.sql("delete from payment").update();
	}

	@Test
	void storesEveryColumnOfANewPaymentWithItsNulls() {
		Payment payment = Payment.initiate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				new Money(AMOUNT, "JPY"), "tok_visa", CREATED, CREATED.plusSeconds(30));
		this.payments.save(payment);

		Payment.Stored reloaded = this.payments.findById(payment.getId()).orElseThrow().stored();
		assertThat(reloaded).isEqualTo(payment.stored());
		assertThat(reloaded).isEqualTo(new Payment.Stored(payment.getId(), payment.getOrderId(), payment.getUserId(),
				AMOUNT, "JPY", "tok_visa", PaymentStatus.PENDING, null, null, null, 0, CREATED.plusSeconds(30), CREATED,
				CREATED, 0L));
	}

	@Test
	void storesEveryChangeExplicitlyAndCountsTheVersion() {
		Payment payment = this.payments.save(Payment.initiate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				new Money(2500, "EUR"), "tok_visa", CREATED, CREATED.plusSeconds(30)));

		Instant later = CREATED.plusSeconds(31);
		Payment unknown = this.transactions.execute(status -> {
			Payment current = this.payments.findForUpdate(payment.getId()).orElseThrow();
			current.record(new ChargeOutcome.Unknown("ch_42", "read timeout"), later);
			current.startAttempt(later, this.retry);
			return this.payments.save(current);
		});
		Payment.Stored pending = this.payments.findById(payment.getId()).orElseThrow().stored();
		assertThat(pending).isEqualTo(unknown.stored());
		assertThat(pending.version()).isEqualTo(1);
		assertThat(pending.providerChargeId()).isEqualTo("ch_42");
		assertThat(pending.failureReason()).isEqualTo("read timeout");
		assertThat(pending.attempts()).isEqualTo(1);
		assertThat(pending.nextAttemptAt()).isAfter(later);
		assertThat(pending.updatedAt()).isEqualTo(later);

		Instant settled = later.plusSeconds(1);
		Payment declined = this.payments.findById(payment.getId()).orElseThrow();
		declined.record(new ChargeOutcome.Declined("ch_42", "card_declined"), settled);
		this.payments.save(declined);
		Payment.Stored reloaded = this.payments.findById(payment.getId()).orElseThrow().stored();
		assertThat(reloaded).isEqualTo(declined.stored());
		assertThat(reloaded.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(reloaded.declineCode()).isEqualTo("card_declined");
		assertThat(reloaded.failureReason()).as("kept").isEqualTo("read timeout");
		assertThat(reloaded.nextAttemptAt()).as("nothing left to resolve").isNull();
		assertThat(reloaded.createdAt()).isEqualTo(CREATED);
		assertThat(reloaded.version()).isEqualTo(2);
	}

	@Test
	void refusesToOverwriteAChangeMadeSinceThePaymentWasRead() {
		Payment payment = this.payments.save(Payment.initiate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				new Money(2500, "EUR"), "tok_visa", CREATED, CREATED.plusSeconds(30)));
		Payment mine = this.payments.findById(payment.getId()).orElseThrow();
		Payment theirs = this.payments.findById(payment.getId()).orElseThrow();
		theirs.record(new ChargeOutcome.Approved("ch_1"), CREATED.plusSeconds(1));
		this.payments.save(theirs);

		mine.record(new ChargeOutcome.Declined("ch_1", "card_declined"), CREATED.plusSeconds(2));
		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> this.payments.save(mine));
		assertThat(this.payments.findById(payment.getId()).orElseThrow().getStatus()).isEqualTo(PaymentStatus.APPROVED);
	}

	@Test
	void findsAnOrdersPaymentsOldestFirstAndCountsByStatus() {
		UUID orderId = UUID.randomUUID();
		Payment second = this.payments.save(Payment.initiate(UUID.randomUUID(), orderId, UUID.randomUUID(),
				new Money(2500, "EUR"), "tok_visa", CREATED.plusSeconds(5), CREATED.plusSeconds(35)));
		Payment first = Payment.initiate(UUID.randomUUID(), orderId, UUID.randomUUID(), new Money(2500, "EUR"),
				"tok_visa", CREATED, CREATED.plusSeconds(30));
		first.record(new ChargeOutcome.Declined("ch_1", "card_declined"), CREATED);
		this.payments.save(first);
		this.payments.save(Payment.initiate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				new Money(2500, "EUR"), "tok_visa", CREATED, CREATED.plusSeconds(30)));

		assertThat(this.payments.findByOrderOldestFirst(orderId)).extracting(Payment::getId)
			.containsExactly(first.getId(), second.getId());
		assertThat(this.payments.findByOrderOldestFirst(UUID.randomUUID())).isEmpty();
		assertThat(this.payments.countByStatus(PaymentStatus.PENDING)).isEqualTo(2);
		assertThat(this.payments.countByStatus(PaymentStatus.DECLINED)).isEqualTo(1);
		assertThat(this.payments.countByStatus(PaymentStatus.APPROVED)).isZero();
	}

	@Test
	void queuesOnlyDuePendingPaymentsOldestFirst() {
		Instant now = Instant.now();
		Payment oldest = pendingDueAt(now.minusSeconds(3));
		Payment older = pendingDueAt(now.minusSeconds(2));
		pendingDueAt(now.minusSeconds(1));
		pendingDueAt(now.plusSeconds(3600));
		Payment settled = pendingDueAt(now.minusSeconds(10));
		settled.record(new ChargeOutcome.Approved("ch_1"), now);
		this.payments.save(settled);

		List<Payment> firstTwo = this.transactions.execute(status -> this.payments.findDueForResolver(now, 2));
		List<Payment> allDue = this.transactions.execute(status -> this.payments.findDueForResolver(now, 10));
		assertThat(firstTwo).extracting(Payment::getId).containsExactly(oldest.getId(), older.getId());
		assertThat(allDue).hasSize(3);
	}

	@Test
	void aClaimSkipsPaymentsAnotherClaimHoldsInsteadOfWaitingForThem() throws Exception {
		Instant now = Instant.now();
		List<UUID> due = new ArrayList<>();
		for (int i = 4; i > 0; i--) {
			due.add(pendingDueAt(now.minusSeconds(i)).getId());
		}

		List<List<UUID>> claims = Claims.whileAnotherHolds(this.transactions,
				() -> ids(this.payments.findDueForResolver(now, 2)),
				() -> ids(this.payments.findDueForResolver(now, 4)));

		assertThat(claims.get(0)).containsExactlyElementsOf(due.subList(0, 2));
		assertThat(claims.get(1)).as("the held ones skipped").containsExactlyElementsOf(due.subList(2, 4));
	}

	@Test
	void twoConcurrentResolversNeverClaimTheSamePayment() throws Exception {
		Instant now = Instant.now();
		Set<UUID> all = new HashSet<>();
		for (int i = 0; i < 60; i++) {
			all.add(pendingDueAt(now.minusSeconds(1)).getId());
		}

		List<UUID> claimed = ids(Claims.byTwoRunners(this.transactions, () -> this.pendingPayments.claimDue(now, 7)));

		assertThat(claimed).doesNotHaveDuplicates().hasSameSizeAs(all);
		assertThat(new HashSet<>(claimed)).isEqualTo(all);
		assertThat(this.payments.findById(claimed.get(0)).orElseThrow().getAttempts()).as("claiming is stored")
			.isEqualTo(1);
	}

	private Payment pendingDueAt(Instant dueAt) {
		return this.payments.save(Payment.initiate(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				new Money(2500, "EUR"), "tok_visa", dueAt.minusSeconds(30), dueAt));
	}

	private static List<UUID> ids(List<Payment> payments) {
		return payments.stream().map(Payment::getId).toList();
	}

}
