import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description '''A payment the provider approves is published on payments.v1, keyed by the payment id:
the order service pays the order it names'''
	label 'payment_settled_approved'
	input {
		triggeredBy('settleApprovedPayment()')
	}
	outputMessage {
		sentTo 'payments.v1'
		headers {
			header('event-type', 'PaymentSettled')
			header('event-version', '1')
			header('kafka_messageKey', $(consumer('4c0ffee0-0000-4000-8000-0000000000a1'), producer(regex(uuid()))))
		}
		body(
			eventId: $(consumer('e7e7e7e7-0000-4000-8000-0000000000a1'), producer(regex(uuid()))),
			type: 'PaymentSettled',
			version: 1,
			occurredAt: $(consumer('2026-12-07T10:00:00Z'), producer(regex(iso8601WithOffset()))),
			aggregateId: $(consumer('4c0ffee0-0000-4000-8000-0000000000a1'), producer(regex(uuid()))),
			payload: [
				paymentId: $(consumer('4c0ffee0-0000-4000-8000-0000000000a1'), producer(regex(uuid()))),
				// Only what order-service reads. The order the base class charged, and the one
				// the consumer's test stores.
				orderId: '0e5e2a8c-2222-4aaa-8bbb-000000000001',
				status: 'APPROVED',
				declineCode: null
			]
		)
	}
}
