package com.example.platform.order.domain;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SagaTimingsTests {

	private final SagaTimings timings = new SagaTimings(Duration.ofSeconds(30), Duration.ofSeconds(5),
			Duration.ofMinutes(5), Duration.ofSeconds(60), Duration.ofMinutes(2));

	@Test
	void backsOffExponentiallyUpToTheMaximum() {
		assertThat(this.timings.backoff(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.timings.backoff(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.timings.backoff(4)).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.timings.backoff(7)).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.timings.backoff(1_000)).isEqualTo(Duration.ofMinutes(5));
	}

}
