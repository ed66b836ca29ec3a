import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description '''A registered account is published on users.v1, keyed by the user id: the order service
records the customer, so it can take their orders while the user service is away'''
	label 'user_registered'
	input {
		triggeredBy('registerUser()')
	}
	outputMessage {
		sentTo 'users.v1'
		headers {
			header('event-type', 'UserRegistered')
			header('event-version', '1')
			header('kafka_messageKey', $(consumer('7c1f3b5e-0000-4a4a-9c9c-0000000000e1'), producer(regex(uuid()))))
		}
		body(
			eventId: $(consumer('e7e7e7e7-0000-4000-8000-0000000000e1'), producer(regex(uuid()))),
			type: 'UserRegistered',
			version: 1,
			occurredAt: $(consumer('2026-12-07T10:00:00Z'), producer(regex(iso8601WithOffset()))),
			aggregateId: $(consumer('7c1f3b5e-0000-4a4a-9c9c-0000000000e1'), producer(regex(uuid()))),
			payload: [
				// Only what order-service reads: who, and since when. No personal data.
				userId: $(consumer('7c1f3b5e-0000-4a4a-9c9c-0000000000e1'), producer(regex(uuid()))),
				registeredAt: $(consumer('2026-12-07T10:00:00Z'), producer(regex(iso8601WithOffset())))
			]
		)
	}
}
