package com.example.platform.payment.domain;

import org.junit.jupiter.api.Test;

import static com.example.platform.payment.domain.Fixtures.NOW;
import static com.example.platform.payment.domain.Fixtures.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RefundTests {

	@Test
	void startsPendingHoldingItsAmount() {
		Refund refund = Fixtures.pendingRefund(300);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.PENDING);
		assertThat(refund.getStatus().reservesAmount()).isTrue();
	}

	@Test
	void succeedsWithTheProvidersRefundId() {
		Refund refund = Fixtures.pendingRefund(300);
		refund.record(new RefundOutcome.Succeeded("re_1"), NOW);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(refund.getProviderRefundId()).isEqualTo("re_1");
		assertThat(refund.getStatus().reservesAmount()).isTrue();
	}

	@Test
	void failedRefundReleasesItsAmount() {
		Refund refund = Fixtures.pendingRefund(300);
		refund.record(new RefundOutcome.Failed("charge_already_refunded"), NOW);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.FAILED);
		assertThat(refund.getStatus().reservesAmount()).isFalse();
		assertThat(refund.getFailureReason()).isEqualTo("charge_already_refunded");
	}

	@Test
	void unknownStaysPendingThenFailsAfterTheAttempts() {
		Refund refund = Fixtures.pendingRefund(300);
		refund.record(new RefundOutcome.Unknown("HTTP 502"), NOW);
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.PENDING);
		for (int i = 0; i < 3; i++) {
			refund.startResolverAttempt(NOW, RETRY);
			refund.recordResolverOutcome(new RefundOutcome.Unknown("HTTP 502"), NOW, RETRY);
		}
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.FAILED);
		assertThat(refund.getFailureReason()).contains("after 3 resolver attempts", "HTTP 502");
	}

	@Test
	void finalStateNeverChangesAgain() {
		Refund refund = Fixtures.pendingRefund(300);
		refund.record(new RefundOutcome.Succeeded("re_1"), NOW);
		assertThat(refund.record(new RefundOutcome.Failed("late"), NOW)).isFalse();
		assertThat(refund.getStatus()).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(RefundStatus.SUCCEEDED.canBecome(RefundStatus.FAILED)).isFalse();
		assertThat(RefundStatus.FAILED.canBecome(RefundStatus.SUCCEEDED)).isFalse();
		assertThat(RefundStatus.PENDING.canBecome(RefundStatus.PENDING)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> refund.startResolverAttempt(NOW, RETRY));
	}

}
