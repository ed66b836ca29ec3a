package com.example.platform.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BodyLimitTests {

	private final BodyLimit limit = new BodyLimit(10);

	@Test
	void refusesADeclaredLengthOverTheLimit() {
		assertThat(this.limit.decide(11)).isEqualTo(BodyLimit.Decision.REFUSE);
	}

	@Test
	void passesADeclaredLengthUpToTheLimit() {
		assertThat(this.limit.decide(0)).isEqualTo(BodyLimit.Decision.PASS);
		assertThat(this.limit.decide(10)).isEqualTo(BodyLimit.Decision.PASS);
	}

	@Test
	void countsABodyWithoutDeclaredLength() {
		assertThat(this.limit.decide(-1)).isEqualTo(BodyLimit.Decision.COUNT);
	}

	@Test
	void counterSaysWhenTheStreamedBytesPassTheLimit() {
		BodyLimit.Counter counter = this.limit.counter();
		assertThat(counter.add(4)).isTrue();
		assertThat(counter.add(6)).isTrue();
		assertThat(counter.add(1)).isFalse();
	}

	@Test
	void eachBodyGetsItsOwnCounter() {
		this.limit.counter().add(10);
		assertThat(this.limit.counter().add(10)).isTrue();
	}

	@Test
	void throwingCounterFailsWithTheProblemDetail() {
		BodyLimit.Counter counter = this.limit.counter();
		counter.addOrThrow(10);
		assertThatExceptionOfType(RequestBodyTooLargeException.class).isThrownBy(() -> counter.addOrThrow(1))
			.withMessage("The request body is larger than the limit of 10 bytes.")
			.satisfies(ex -> assertThat(ex.getLimitBytes()).isEqualTo(10))
			.satisfies(ex -> assertThat(ex.getStackTrace()).isEmpty());
	}

	@Test
	void exceededCarriesTheSameDetail() {
		assertThat(new BodyLimit(1048576).exceeded())
			.hasMessage("The request body is larger than the limit of 1048576 bytes.");
	}

	@Test
	void refusesANegativeLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BodyLimit(-1));
	}

}
