import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description '''A refund the provider refuses is published on payments.v1 with the reason, keyed by the refunded
payment's id: the order service leaves the cancellation pending for an operator'''
	label 'refund_settled_failed'
	input {
		triggeredBy('settleFailedRefund()')
	}
	outputMessage {
		sentTo 'payments.v1'
		headers {
			header('event-type', 'RefundSettled')
			header('event-version', '1')
			header('kafka_messageKey', $(consumer('4c0ffee0-0000-4000-8000-0000000000f4'), producer(regex(uuid()))))
		}
		body(
			eventId: $(consumer('e7e7e7e7-0000-4000-8000-0000000000f4'), producer(regex(uuid()))),
			type: 'RefundSettled',
			version: 1,
			occurredAt: $(consumer('2026-12-07T10:05:00Z'), producer(regex(iso8601WithOffset()))),
			aggregateId: $(consumer('4c0ffee0-0000-4000-8000-0000000000f4'), producer(regex(uuid()))),
			payload: [
				refundId: $(consumer('9c8b7a6d-0000-4000-8000-0000000000f4'), producer(regex(uuid()))),
				paymentId: $(consumer('4c0ffee0-0000-4000-8000-0000000000f4'), producer(regex(uuid()))),
				orderId: '0e5e2a8c-2222-4aaa-8bbb-000000000004',
				status: 'FAILED',
				amount: [
					amount: 2500,
					currency: 'EUR'
				],
				reason: $(consumer('The provider refused the refund: charge_disputed'), producer(regex('.+')))
			]
		)
	}
}
