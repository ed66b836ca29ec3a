package com.example.platform.support.events;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class OutboxTests {

	@Test
	void refusesAnEventOutsideATransactionSoNoneIsSilentlyDropped() {
		ApplicationEventPublisher publisher = mock();
		OutgoingEvent event = mock();
		assertThatIllegalStateException().isThrownBy(() -> new Outbox(publisher).publish(event))
			.withMessageContaining("none is active");
		then(publisher).shouldHaveNoInteractions();
	}

}
