import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'The order service refunds (part of) an approved payment'
	priority 5
	request {
		method POST()
		url $(consumer(regex('/api/payments/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/refunds')),
				producer('/api/payments/7d5b0e7e-0000-4000-8000-000000000004/refunds'))
		headers {
			header('Authorization', $(consumer(regex('Bearer .+')), producer(execute('internalToken()'))))
			header('Idempotency-Key', $(consumer(regex('.{1,255}')), producer(execute('newKey()'))))
			contentType(applicationJson())
		}
		body(
			amount: [
				amount: $(consumer(regex('[1-9][0-9]{0,11}')), producer(2000)),
				currency: $(consumer(regex('[A-Z]{3}')), producer('EUR'))
			]
		)
	}
	response {
		status CREATED()
		headers {
			contentType(applicationJson())
		}
		body(
			refundId: $(consumer('9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'), producer(regex(uuid()))),
			paymentId: fromRequest().path(2),
			amount: [
				amount: fromRequest().body('$.amount.amount'),
				currency: fromRequest().body('$.amount.currency')
			],
			status: 'SUCCEEDED'
		)
	}
}
