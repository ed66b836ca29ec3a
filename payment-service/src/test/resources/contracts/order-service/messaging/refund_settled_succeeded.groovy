import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description '''A refund the provider makes is published on payments.v1, keyed by the refunded payment's id
(after that payment's PaymentSettled): the order service completes the cancellation it belongs to'''
	label 'refund_settled_succeeded'
	input {
		triggeredBy('settleSucceededRefund()')
	}
	outputMessage {
		sentTo 'payments.v1'
		headers {
			header('event-type', 'RefundSettled')
			header('event-version', '1')
			header('kafka_messageKey', $(consumer('4c0ffee0-0000-4000-8000-0000000000b3'), producer(regex(uuid()))))
		}
		body(
			eventId: $(consumer('e7e7e7e7-0000-4000-8000-0000000000b3'), producer(regex(uuid()))),
			type: 'RefundSettled',
			version: 1,
			occurredAt: $(consumer('2026-12-07T10:05:00Z'), producer(regex(iso8601WithOffset()))),
			aggregateId: $(consumer('4c0ffee0-0000-4000-8000-0000000000b3'), producer(regex(uuid()))),
			payload: [
				refundId: $(consumer('9c8b7a6d-0000-4000-8000-0000000000b3'), producer(regex(uuid()))),
				paymentId: $(consumer('4c0ffee0-0000-4000-8000-0000000000b3'), producer(regex(uuid()))),
				// The order the base class charged and refunded, and the one the consumer's
				// test stores.
				orderId: '0e5e2a8c-2222-4aaa-8bbb-000000000003',
				status: 'SUCCEEDED',
				amount: [
					amount: 2500,
					currency: 'EUR'
				],
				reason: null
			]
		)
	}
}
