package com.example.platform.payment.domain;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static com.example.platform.payment.domain.Fixtures.NOW;
import static com.example.platform.payment.domain.Fixtures.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentTests {

	@Test
	void startsPendingAndDueForTheResolverAfterTheFirstDelay() {
		Payment payment = Fixtures.pendingPayment(1000);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
		assertThat(payment.getAttempts()).isZero();
	}

	@Test
	void approvalKeepsTheChargeIdAndEndsTheResolversWork() {
		Payment payment = Fixtures.pendingPayment(1000);
		assertThat(payment.record(new ChargeOutcome.Approved("ch_9"), NOW)).isTrue();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
		assertThat(payment.getProviderChargeId()).isEqualTo("ch_9");
		assertThat(payment.getNextAttemptAt()).isNull();
	}

	@Test
	void declineKeepsTheCode() {
		Payment payment = Fixtures.pendingPayment(1000);
		payment.record(new ChargeOutcome.Declined("ch_9", "insufficient_funds"), NOW);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.snapshot().declineCode()).isEqualTo("insufficient_funds");
	}

	@Test
	void rejectedRequestFailsWithTheReason() {
		Payment payment = Fixtures.pendingPayment(1000);
		payment.record(new ChargeOutcome.Rejected("HTTP 400"), NOW);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.getFailureReason()).isEqualTo("HTTP 400");
	}

	@Test
	void unknownOutcomeStaysPendingWithTheReasonAndAnyChargeId() {
		Payment payment = Fixtures.pendingPayment(1000);
		payment.record(new ChargeOutcome.Unknown("ch_7", "HTTP 503"), NOW);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getFailureReason()).isEqualTo("HTTP 503");
		assertThat(payment.getProviderChargeId()).isEqualTo("ch_7");
	}

	@Test
	void finalStateNeverChangesAgain() {
		Payment payment = Fixtures.approvedPayment(1000);
		assertThat(payment.record(new ChargeOutcome.Declined("ch_2", "card_declined"), NOW)).isFalse();
		assertThat(payment.record(new ChargeOutcome.Rejected("late"), NOW)).isFalse();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
		assertThatIllegalStateException().isThrownBy(() -> payment.startResolverAttempt(NOW, RETRY));
	}

	@Test
	void onlyPendingMovesAndNeverBackToPending() {
		assertThat(PaymentStatus.PENDING.canBecome(PaymentStatus.APPROVED)).isTrue();
		assertThat(PaymentStatus.PENDING.canBecome(PaymentStatus.PENDING)).isFalse();
		for (PaymentStatus from : new PaymentStatus[] { PaymentStatus.APPROVED, PaymentStatus.DECLINED,
				PaymentStatus.FAILED }) {
			for (PaymentStatus to : PaymentStatus.values()) {
				assertThat(from.canBecome(to)).as(from + " -> " + to).isFalse();
			}
		}
	}

	@Test
	void resolverAttemptsAreCountedAndScheduledBeforeTheProviderIsAsked() {
		Payment payment = Fixtures.pendingPayment(1000);
		payment.startResolverAttempt(NOW, RETRY);
		assertThat(payment.getAttempts()).isEqualTo(1);
		assertThat(payment.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
		payment.startResolverAttempt(NOW, RETRY);
		assertThat(payment.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
	}

	@Test
	void failsWithTheLastReasonWhenTheAttemptsAreUsedUp() {
		Payment payment = Fixtures.pendingPayment(1000);
		for (int i = 1; i <= 3; i++) {
			payment.startResolverAttempt(NOW, RETRY);
			payment.recordResolverOutcome(new ChargeOutcome.Unknown(null, "timeout " + i), NOW, RETRY);
			assertThat(payment.getStatus()).isEqualTo((i < 3) ? PaymentStatus.PENDING : PaymentStatus.FAILED);
		}
		assertThat(payment.getFailureReason())
			.isEqualTo("No outcome from the provider after 3 resolver attempts; last: timeout 3");
	}

	@Test
	void lastAttemptWithAnOutcomeResolves() {
		Payment payment = Fixtures.pendingPayment(1000);
		for (int i = 0; i < 3; i++) {
			payment.startResolverAttempt(NOW, RETRY);
		}
		payment.recordResolverOutcome(new ChargeOutcome.Approved("ch_1"), NOW, RETRY);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
	}

	@Test
	void refundsAreCheckedAgainstStateCurrencyAndWhatIsLeft() {
		Payment approved = Fixtures.approvedPayment(1000);
		approved.checkRefundable(new Money(400, "EUR"), 600);
		assertThatThrownBy(() -> approved.checkRefundable(new Money(401, "EUR"), 600)).isInstanceOfSatisfying(
				RefundExceedsPaymentException.class, ex -> assertThat(ex.getRefundable()).isEqualTo(400));
		assertThatThrownBy(() -> approved.checkRefundable(new Money(1, "USD"), 0))
			.isInstanceOf(CurrencyMismatchException.class);
		assertThatThrownBy(() -> Fixtures.pendingPayment(1000).checkRefundable(new Money(1, "EUR"), 0))
			.isInstanceOf(PaymentNotRefundableException.class);
	}

	@Test
	void longReasonsAreCutToTheColumn() {
		Payment payment = Fixtures.pendingPayment(1000);
		payment.record(new ChargeOutcome.Rejected("x".repeat(2000)), NOW);
		assertThat(payment.getFailureReason()).hasSize(500);
	}

	@Test
	void backoffDoublesUpToItsCap() {
		assertThat(RETRY.nextAttemptAt(NOW, 1)).isEqualTo(NOW.plusSeconds(10));
		assertThat(RETRY.nextAttemptAt(NOW, 2)).isEqualTo(NOW.plusSeconds(20));
		assertThat(RETRY.nextAttemptAt(NOW, 3)).isEqualTo(NOW.plusSeconds(40));
		assertThat(RETRY.nextAttemptAt(NOW, 4)).isEqualTo(NOW.plus(Duration.ofSeconds(60)));
		assertThat(RETRY.nextAttemptAt(NOW, 60)).isEqualTo(NOW.plus(Duration.ofSeconds(60)));
	}

	@Test
	void idempotencyKeysAreKeptAtLeastADay() {
		assertThatThrownBy(() -> new PaymentPolicy(Set.of("EUR"), Duration.ZERO, Duration.ofHours(23), RETRY))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(new PaymentPolicy(Set.of("EUR"), Duration.ZERO, Duration.ofHours(24), RETRY).idempotencyRetention())
			.isEqualTo(Duration.ofHours(24));
	}

	@Test
	void moneyIsPositiveMinorUnitsOfAnIsoCurrency() {
		assertThatThrownBy(() -> new Money(0, "EUR")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Money(-5, "EUR")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Money(5, "eur")).isInstanceOf(IllegalArgumentException.class);
		assertThat(new Money(5, "JPY").amount()).isEqualTo(5);
	}

}
