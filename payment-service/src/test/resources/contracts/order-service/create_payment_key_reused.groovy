import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'Reusing an Idempotency-Key with a different request is refused with 422'
	priority 1
	request {
		method POST()
		url '/api/payments'
		headers {
			header('Authorization', $(consumer(regex('Bearer .+')), producer(execute('internalToken()'))))
			header('Idempotency-Key', 'order-7d5b0e7e-0000-4000-8000-000000000002-payment')
			contentType(applicationJson())
		}
		body(
			orderId: '7d5b0e7e-0000-4000-8000-000000000002',
			userId: '7d5b0e7e-0000-4000-8000-0000000000aa',
			amount: [amount: 9999, currency: 'EUR'],
			paymentMethod: 'tok_visa'
		)
	}
	response {
		status 422
		headers {
			contentType('application/problem+json')
		}
		body(
			type: 'https://platform.example/problems/idempotency-key-reused',
			status: 422,
			detail: $(consumer('This Idempotency-Key was already used for a different request. Use a new key for a new request.'),
					producer(regex('.+')))
		)
	}
}
