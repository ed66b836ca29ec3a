package com.example.platform.payment.refunds;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.Payment;
import com.example.platform.payment.payments.Payments;

import static com.example.platform.payment.payments.Payments.NOW;
import static com.example.platform.payment.payments.Payments.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundTests {

	@Test
	void startsPendingHoldingItsAmount() {
		Refund refund = Refunds.pending(300);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.PENDING);
		assertThat(refund.getStatus().reservesAmount()).isTrue();
		assertThat(refund.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
	}

	@Test
	void succeedsWithTheProvidersRefundId() {
		Refund refund = Refunds.pending(300);
		refund.record(new RefundOutcome.Succeeded("re_1"), NOW);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(refund.getProviderRefundId()).isEqualTo("re_1");
		assertThat(refund.getStatus().reservesAmount()).isTrue();
		assertThat(refund.getNextAttemptAt()).isNull();
	}

	@Test
	void failedRefundReleasesItsAmount() {
		Refund refund = Refunds.pending(300);
		refund.record(new RefundOutcome.Failed("charge_already_refunded"), NOW);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.FAILED);
		assertThat(refund.getStatus().reservesAmount()).isFalse();
		assertThat(refund.getFailureReason()).isEqualTo("charge_already_refunded");
	}

	@Test
	void unknownStaysPendingThenFailsAfterTheAttempts() {
		Refund refund = Refunds.pending(300);
		refund.record(new RefundOutcome.Unknown("HTTP 502"), NOW);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.PENDING);
		for (int i = 0; i < 3; i++) {
			refund.startAttempt(NOW, RETRY);
			refund.record(new RefundOutcome.Unknown("HTTP 502"), NOW);
			refund.giveUpIfExhausted(NOW, RETRY);
		}
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.FAILED);
		assertThat(refund.getFailureReason()).contains("after 3 resolver attempts", "HTTP 502");
	}

	@Test
	void finalStateNeverChangesAgain() {
		Refund refund = Refunds.pending(300);
		refund.record(new RefundOutcome.Succeeded("re_1"), NOW);
		assertThat(refund.record(new RefundOutcome.Failed("late"), NOW)).isFalse();
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(RefundStatus.SUCCEEDED.canBecome(RefundStatus.FAILED)).isFalse();
		assertThat(RefundStatus.FAILED.canBecome(RefundStatus.SUCCEEDED)).isFalse();
		assertThat(RefundStatus.PENDING.canBecome(RefundStatus.PENDING)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> refund.startAttempt(NOW, RETRY))
			.withMessageContaining("refund " + refund.getId() + " (SUCCEEDED)");
	}

	@Test
	void aSucceededRefundIsNeverFailedAfterwards() {
		Refund refund = Refunds.pending(300);
		refund.record(new RefundOutcome.Succeeded("re_1"), NOW);
		assertThatIllegalStateException().isThrownBy(() -> refund.fail(NOW))
			.withMessage("A SUCCEEDED refund cannot become FAILED");
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.SUCCEEDED);
	}

	@Test
	void onlyASettledRefundIsAnnounced() {
		Refund refund = Refunds.pending(300);
		assertThatIllegalArgumentException().isThrownBy(() -> RefundSettled.of(refund, UUID.randomUUID(), NOW));
		refund.record(new RefundOutcome.Failed("charge_disputed"), NOW);
		assertThat(RefundSettled.of(refund, UUID.randomUUID(), NOW).payload().reason()).isEqualTo("charge_disputed");
	}

	@Test
	void refundsAreCheckedAgainstTheStateCurrencyAndWhatIsLeftOfThePayment() {
		Payment approved = Payments.approved(1000);
		assertThat(Refund.initiate(UUID.randomUUID(), approved, new Money(400, "EUR"), 600, NOW, NOW).getAmount())
			.isEqualTo(new Money(400, "EUR"));
		assertThatThrownBy(() -> Refund.initiate(UUID.randomUUID(), approved, new Money(401, "EUR"), 600, NOW, NOW))
			.isInstanceOfSatisfying(RefundExceedsPaymentException.class,
					ex -> assertThat(ex.getRefundable()).isEqualTo(400));
		assertThatThrownBy(() -> Refund.initiate(UUID.randomUUID(), approved, new Money(1, "USD"), 0, NOW, NOW))
			.isInstanceOfSatisfying(CurrencyMismatchException.class,
					ex -> assertThat(ex.getExpected()).isEqualTo("EUR"));
		assertThatThrownBy(
				() -> Refund.initiate(UUID.randomUUID(), Payments.pending(1000), new Money(1, "EUR"), 0, NOW, NOW))
			.isInstanceOf(PaymentNotRefundableException.class);
	}

	@Test
	void theRefundCarriesItsOwnIdAsReference() {
		Refund refund = Refunds.pending(300);
		assertThat(refund.refundRequest("ch_1"))
			.isEqualTo(new RefundProvider.RefundRequest(refund.getId(), "ch_1", new Money(300, "EUR")));
	}

}
