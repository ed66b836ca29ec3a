import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'The order service creates a payment whose provider outcome is not known yet (the provider timed out): 201 PENDING'
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
			orderId: $(consumer(regex(uuid())), producer('0e5e2a8c-1111-4aaa-8bbb-000000000009')),
			userId: $(consumer(regex(uuid())), producer('0e5e2a8c-1111-4aaa-8bbb-0000000000aa')),
			amount: [
				amount: $(consumer(regex('[1-9][0-9]{0,11}')), producer(2500)),
				currency: $(consumer(regex('[A-Z]{3}')), producer('EUR'))
			],
			paymentMethod: 'tok_timeout'
		)
	}
	response {
		status CREATED()
		headers {
			contentType(applicationJson())
		}
		body(
			id: $(consumer('5f4e3d2c-1b0a-4998-8877-665544332211'), producer(regex(uuid()))),
			orderId: fromRequest().body('$.orderId'),
			userId: fromRequest().body('$.userId'),
			status: 'PENDING',
			amount: [
				amount: fromRequest().body('$.amount.amount'),
				currency: fromRequest().body('$.amount.currency')
			],
			createdAt: $(consumer('2026-11-25T10:00:00Z'), producer(regex(iso8601WithOffset())))
		)
	}
}
