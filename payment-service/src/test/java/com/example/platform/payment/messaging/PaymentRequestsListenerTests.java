package com.example.platform.payment.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.config.PaymentProperties;
import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.NewPayment;
import com.example.platform.payment.payments.PaymentService;
import com.example.platform.support.events.EventReader;
import com.example.platform.support.events.InvalidEventException;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotencyKeyReusedException;
import com.example.platform.support.idempotency.RequestInFlightException;
import com.example.platform.support.security.Caller;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class PaymentRequestsListenerTests {

	private final PaymentService payments = mock();

	private final PaymentRequestsListener listener = new PaymentRequestsListener(
			new EventReader(JsonMapper.builder().build()), this.payments,
			new PaymentProperties(Set.of("EUR"), null, null, new PaymentProperties.OrderEvents("order-service")));

	private final UUID orderId = UUID.randomUUID();

	private final UUID userId = UUID.randomUUID();

	@Test
	void chargesOnOrderServicesBehalfWithItsKey() {
		this.listener.on(record("PaymentRequested",
				PaymentRequestedIT.requested(UUID.randomUUID(), this.orderId, this.userId, 5880, "tok_visa")));

		then(this.payments).should()
			.create(new Caller.Service("order-service", Set.of()), new IdempotencyKey("order-" + this.orderId),
					new NewPayment(this.orderId, this.userId, new Money(5880, "EUR"), "tok_visa"));
	}

	@Test
	void leavesAChargeInFlightElsewhereToThatRequestWithoutParkingIt() {
		given(this.payments.create(any(), any(), any())).willThrow(new RequestInFlightException(Duration.ofSeconds(5)));

		assertThatNoException().isThrownBy(() -> this.listener.on(record("PaymentRequested",
				PaymentRequestedIT.requested(UUID.randomUUID(), this.orderId, this.userId, 5880, "tok_visa"))));
	}

	@Test
	void refusesAKeyUsedForAnotherCharge() {
		given(this.payments.create(any(), any(), any())).willThrow(new IdempotencyKeyReusedException());

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.listener.on(record("PaymentRequested",
					PaymentRequestedIT.requested(UUID.randomUUID(), this.orderId, this.userId, 5880, "tok_visa"))));
	}

	@Test
	void refusesAnotherEventType() {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.listener.on(record("OrderPaid",
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"OrderPaid\",\"version\":1,\"payload\":{}}")));
		then(this.payments).shouldHaveNoInteractions();
	}

	private static ConsumerRecord<String, byte[]> record(String type, String value) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("orders.payment-requests.v1", 0, 0, "key",
				value.getBytes(StandardCharsets.UTF_8));
		record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
