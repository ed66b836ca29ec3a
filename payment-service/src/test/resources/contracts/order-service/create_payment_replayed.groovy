import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'Sending the same request with the same Idempotency-Key again answers the original response; nothing is charged twice'
	priority 1
	request {
		method POST()
		url '/api/payments'
		headers {
			header('Authorization', $(consumer(regex('Bearer .+')), producer(execute('internalToken()'))))
			header('Idempotency-Key', 'order-7d5b0e7e-0000-4000-8000-000000000001-payment')
			contentType(applicationJson())
		}
		body(
			orderId: '7d5b0e7e-0000-4000-8000-000000000001',
			userId: '7d5b0e7e-0000-4000-8000-0000000000aa',
			amount: [amount: 2500, currency: 'EUR'],
			paymentMethod: 'tok_visa'
		)
	}
	response {
		status CREATED()
		headers {
			contentType(applicationJson())
		}
		body(
			id: $(consumer('7d5b0e7e-ffff-4000-8000-000000000001'), producer(regex(uuid()))),
			orderId: '7d5b0e7e-0000-4000-8000-000000000001',
			userId: '7d5b0e7e-0000-4000-8000-0000000000aa',
			status: 'APPROVED',
			amount: [amount: 2500, currency: 'EUR'],
			createdAt: $(consumer('2026-11-25T10:00:00Z'), producer(regex(iso8601WithOffset())))
		)
	}
}
