package com.example.platform.gateway.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationWebFilterTests {

	private final CorrelationWebFilter filter = new CorrelationWebFilter();

	@Test
	void continuesAValidTraceWithANewParentAndTheSameFlags() {
		String next = this.filter.nextTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");
		assertThat(next).matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-00")
			.isNotEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");
	}

	@Test
	void startsANewSampledTraceForMissingOrInvalidContext() {
		assertThat(this.filter.nextTraceparent(null)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(this.filter.nextTraceparent("garbage")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(this.filter.nextTraceparent("00-00000000000000000000000000000000-b7ad6b7169203331-01"))
			.doesNotContain("00000000000000000000000000000000");
		assertThat(this.filter.nextTraceparent("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01"))
			.doesNotContain("0af7651916cd43dd8448eb211c80319c");
		assertThat(this.filter.nextTraceparent("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01"))
			.doesNotContain("0AF7651916CD43DD8448EB211C80319C");
	}

	@Test
	void startsANewTraceForAnyOtherVersionOrShape() {
		for (String invalid : new String[] { "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra",
				"00-0af7651916cd43dd8448eb211c80319-b7ad6b7169203331-001",
				"00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
				"00-0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331-01",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331_01",
				"00-0af7651916cd43dd8448eb211c80319g-b7ad6b7169203331-01",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b716920333g-01",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-0g", "" }) {
			assertThat(this.filter.nextTraceparent(invalid)).as(invalid)
				.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
				.doesNotContain("0af7651916cd43dd8448eb211c8031");
		}
	}

	@Test
	void acceptsSurroundingWhitespaceAroundAValidTrace() {
		assertThat(this.filter.nextTraceparent("  00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01 "))
			.matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01");
	}

}
