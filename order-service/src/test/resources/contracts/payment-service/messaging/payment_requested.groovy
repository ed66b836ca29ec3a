import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description '''When order-service cannot reach payment-service to charge an order, it asks for the charge
on orders.payment-requests.v1, keyed by the order id, with the idempotency key of its HTTP charge: payment-service
charges the order when it reads it, once, whichever of the event and the HTTP call comes first'''
	label 'payment_requested'
	input {
		triggeredBy('requestPaymentWhilePaymentServiceIsDown()')
	}
	outputMessage {
		sentTo 'orders.payment-requests.v1'
		headers {
			header('event-type', 'PaymentRequested')
			header('event-version', '1')
			header('kafka_messageKey', $(consumer('0e5e2a8c-3333-4aaa-8bbb-000000000001'), producer(regex(uuid()))))
		}
		body(
			eventId: $(consumer('e7e7e7e7-0000-4000-8000-0000000000b1'), producer(regex(uuid()))),
			type: 'PaymentRequested',
			version: 1,
			occurredAt: $(consumer('2026-12-07T10:00:00Z'), producer(regex(iso8601WithOffset()))),
			aggregateId: $(consumer('0e5e2a8c-3333-4aaa-8bbb-000000000001'), producer(regex(uuid()))),
			payload: [
				// Only what payment-service reads. The order is the one the base class placed
				// (two bags of beans and a cup, 58.80 EUR) for its customer.
				orderId: $(consumer('0e5e2a8c-3333-4aaa-8bbb-000000000001'), producer(regex(uuid()))),
				userId: '0e5e2a8c-3333-4aaa-8bbb-0000000000aa',
				amount: [
					amount: 5880,
					currency: 'EUR'
				],
				paymentMethod: 'tok_visa',
				idempotencyKey: $(consumer('order-0e5e2a8c-3333-4aaa-8bbb-000000000001'),
						producer(regex('order-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}')))
			]
		)
	}
}
