import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'A refund that would take the refunds of a payment over its amount is refused with 409'
	priority 1
	request {
		method POST()
		url '/api/payments/7d5b0e7e-0000-4000-8000-000000000005/refunds'
		headers {
			header('Authorization', $(consumer(regex('Bearer .+')), producer(execute('internalToken()'))))
			header('Idempotency-Key', $(consumer(regex('.{1,255}')), producer(execute('newKey()'))))
			contentType(applicationJson())
		}
		body(
			amount: [amount: 5000, currency: 'EUR']
		)
	}
	response {
		status CONFLICT()
		headers {
			contentType('application/problem+json')
		}
		body(
			type: 'https://platform.example/problems/refund-exceeds-payment',
			status: 409,
			detail: $(consumer('The refunds would exceed the payment of 1000 EUR; at most 1000 can still be refunded.'),
					producer(regex('.+'))),
			refundable: [amount: 1000, currency: 'EUR']
		)
	}
}
