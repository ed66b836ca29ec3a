import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'The order service creates a payment that the provider declines: still 201, with the decline code'
	priority 5
	request {
		method POST()
		url '/api/payments'
		headers {
			header('Authorization', $(consumer(regex('Bearer .+')), producer(execute('internalToken()'))))
			header('Idempotency-Key', $(consumer(regex('.{1,255}')), producer(execute('newKey()'))))
			contentType(applicationJson())
		}
		body(
			orderId: $(consumer(regex(uuid())), producer('0e5e2a8c-1111-4aaa-8bbb-000000000002')),
			userId: $(consumer(regex(uuid())), producer('0e5e2a8c-1111-4aaa-8bbb-0000000000aa')),
			amount: [
				amount: $(consumer(regex('[1-9][0-9]{0,11}')), producer(2500)),
				currency: $(consumer(regex('[A-Z]{3}')), producer('EUR'))
			],
			paymentMethod: 'tok_chargeDeclined'
		)
	}
	response {
		status CREATED()
		headers {
			contentType(applicationJson())
		}
		body(
			id: $(consumer('6a1d2f3e-8b4c-4d5e-9f60-7a8b9c0d1e2f'), producer(regex(uuid()))),
			orderId: fromRequest().body('$.orderId'),
			userId: fromRequest().body('$.userId'),
			status: 'DECLINED',
			amount: [
				amount: fromRequest().body('$.amount.amount'),
				currency: fromRequest().body('$.amount.currency')
			],
			declineCode: 'card_declined',
			createdAt: $(consumer('2026-11-25T10:00:00Z'), producer(regex(iso8601WithOffset())))
		)
	}
}
