package com.example.platform.payment.payments;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.support.security.Caller;

import static com.example.platform.payment.payments.Payments.NOW;
import static com.example.platform.payment.payments.Payments.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentTests {

	@Test
	void startsPendingAndDueForTheResolverAfterTheFirstDelay() {
		Payment payment = Payments.pending(1000);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
		assertThat(payment.getAttempts()).isZero();
	}

	@Test
	void approvalKeepsTheChargeIdAndEndsTheResolversWork() {
		Payment payment = Payments.pending(1000);
		assertThat(payment.record(new ChargeOutcome.Approved("ch_9"), NOW)).isTrue();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
		assertThat(payment.getProviderChargeId()).isEqualTo("ch_9");
		assertThat(payment.getNextAttemptAt()).isNull();
	}

	@Test
	void declineKeepsTheCodeAndTheChargeId() {
		Payment payment = Payments.pending(1000);
		payment.record(new ChargeOutcome.Declined("ch_9", "insufficient_funds"), NOW);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.snapshot().declineCode()).isEqualTo("insufficient_funds");
		assertThat(payment.getProviderChargeId()).isEqualTo("ch_9");
	}

	@Test
	void rejectedRequestFailsWithTheReason() {
		Payment payment = Payments.pending(1000);
		payment.record(new ChargeOutcome.Rejected("HTTP 400"), NOW);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.getFailureReason()).isEqualTo("HTTP 400");
	}

	@Test
	void unknownOutcomeStaysPendingWithTheReasonAndAnyChargeId() {
		Payment payment = Payments.pending(1000);
		payment.record(new ChargeOutcome.Unknown("ch_7", "HTTP 503"), NOW);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getFailureReason()).isEqualTo("HTTP 503");
		assertThat(payment.getProviderChargeId()).isEqualTo("ch_7");
	}

	@Test
	void anOutcomeWithoutAChargeIdKeepsTheOneAlreadyKnown() {
		Payment payment = Payments.pending(1000);
		payment.record(new ChargeOutcome.Unknown("ch_7", "still processing"), NOW);
		payment.record(new ChargeOutcome.Unknown(null, "HTTP 503"), NOW);
		assertThat(payment.getProviderChargeId()).as("the resolver looks ch_7 up instead of charging again")
			.isEqualTo("ch_7");
		payment.record(new ChargeOutcome.Declined(null, "card_declined"), NOW);
		assertThat(payment.getProviderChargeId()).isEqualTo("ch_7");
	}

	@Test
	void finalStateNeverChangesAgain() {
		Payment payment = Payments.approved(1000);
		assertThat(payment.record(new ChargeOutcome.Declined("ch_2", "card_declined"), NOW)).isFalse();
		assertThat(payment.record(new ChargeOutcome.Rejected("late"), NOW)).isFalse();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
		assertThatIllegalStateException().isThrownBy(() -> payment.startAttempt(NOW, RETRY))
			.withMessageContaining("payment " + payment.getId() + " (APPROVED)");
	}

	@Test
	void aSettledPaymentIsNeverFailedAfterwards() {
		Payment payment = Payments.approved(1000);
		assertThatIllegalStateException().isThrownBy(() -> payment.fail(NOW))
			.withMessage("A APPROVED payment cannot become FAILED");
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
	}

	@Test
	void onlyASettledPaymentIsAnnounced() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PaymentSettled.of(Payments.pending(1000).snapshot(), NOW));
		assertThat(PaymentSettled.of(Payments.approved(1000).snapshot(), NOW).payload().status()).isEqualTo("APPROVED");
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
	void everyChangeIsStoredWithItsTime() {
		Payment payment = Payments.pending(1000);
		assertThat(payment.stored().updatedAt()).isEqualTo(NOW);
		payment.startAttempt(NOW.plusSeconds(30), RETRY);
		assertThat(payment.stored().updatedAt()).isEqualTo(NOW.plusSeconds(30));
		payment.record(new ChargeOutcome.Unknown(null, "HTTP 503"), NOW.plusSeconds(31));
		assertThat(payment.stored().updatedAt()).isEqualTo(NOW.plusSeconds(31));
		payment.record(new ChargeOutcome.Approved("ch_1"), NOW.plusSeconds(45));
		assertThat(payment.stored().updatedAt()).isEqualTo(NOW.plusSeconds(45));
		assertThat(payment.stored().createdAt()).isEqualTo(NOW);
	}

	@Test
	void aPaymentReadBackFromItsRowIsThePaymentThatWasStored() {
		Payment declined = Payments.pending(1000);
		declined.record(new ChargeOutcome.Declined("ch_3", "card_declined"), NOW.plusSeconds(5));
		declined.storedAs(4);
		Payment read = Payment.restore(declined.stored());
		assertThat(read.stored()).isEqualTo(declined.stored());
		assertThat(read.snapshot()).isEqualTo(declined.snapshot());
		assertThat(read.getCreatedAt()).isEqualTo(NOW);
		assertThat(read.getPaymentMethod()).isEqualTo("tok_visa");
		assertThat(read.getDeclineCode()).isEqualTo("card_declined");
		assertThat(read.getProviderChargeId()).isEqualTo("ch_3");
	}

	@Test
	void resolverAttemptsAreCountedAndScheduledBeforeTheProviderIsAsked() {
		Payment payment = Payments.pending(1000);
		payment.startAttempt(NOW, RETRY);
		assertThat(payment.getAttempts()).isEqualTo(1);
		assertThat(payment.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(10));
		payment.startAttempt(NOW, RETRY);
		assertThat(payment.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(20));
	}

	@Test
	void failsWithTheLastReasonWhenTheAttemptsAreUsedUp() {
		Payment payment = Payments.pending(1000);
		for (int i = 1; i <= 3; i++) {
			payment.startAttempt(NOW, RETRY);
			payment.record(new ChargeOutcome.Unknown(null, "timeout " + i), NOW);
			payment.giveUpIfExhausted(NOW, RETRY);
			assertThat(payment.getStatus()).isEqualTo((i < 3) ? PaymentStatus.PENDING : PaymentStatus.FAILED);
		}
		assertThat(payment.getFailureReason())
			.isEqualTo("No outcome from the provider after 3 resolver attempts; last: timeout 3");
		assertThat(payment.getNextAttemptAt()).isNull();
	}

	@Test
	void lastAttemptWithAnOutcomeResolves() {
		Payment payment = Payments.pending(1000);
		for (int i = 0; i < 3; i++) {
			payment.startAttempt(NOW, RETRY);
		}
		payment.record(new ChargeOutcome.Approved("ch_1"), NOW);
		payment.giveUpIfExhausted(NOW, RETRY);
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.APPROVED);
	}

	@Test
	void longReasonsAreCutToTheColumn() {
		Payment payment = Payments.pending(1000);
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
	void servicesSeeEveryPaymentAndUsersOnlyTheirOwn() {
		Payment payment = Payments.approved(100);
		assertThat(payment.isVisibleTo(new Caller.Service("order-service", Set.of("internal")))).isTrue();
		assertThat(payment.isVisibleTo(new Caller.User(payment.getUserId(), Set.of()))).isTrue();
		assertThat(payment.isVisibleTo(new Caller.User(UUID.randomUUID(), Set.of("internal")))).isTrue();
		assertThat(payment.isVisibleTo(new Caller.User(UUID.randomUUID(), Set.of()))).isFalse();
		assertThat(payment.isVisibleTo(new Caller.Service("reporting", Set.of("read")))).isFalse();
	}

	@Test
	void theChargeAlwaysCarriesThePaymentIdAsReference() {
		Payment payment = Payments.pending(1000);
		assertThat(payment.chargeRequest())
			.isEqualTo(new PaymentProvider.ChargeRequest(payment.getId(), new Money(1000, "EUR"), "tok_visa"));
	}

	@Test
	void onlyAcceptedCurrenciesArePaid() {
		PaymentPolicy policy = new PaymentPolicy(Set.of("EUR", "USD"));
		policy.requireAccepted(new Money(1, "USD"));
		assertThatThrownBy(() -> policy.requireAccepted(new Money(1, "JPY")))
			.isInstanceOf(UnsupportedCurrencyException.class)
			.hasMessageContaining("[EUR, USD]");
	}

	@Test
	void moneyIsPositiveMinorUnitsOfAnIsoCurrency() {
		assertThatThrownBy(() -> new Money(0, "EUR")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Money(-5, "EUR")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Money(5, "eur")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Money(5, null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(new Money(5, "JPY").amount()).isEqualTo(5);
	}

}
