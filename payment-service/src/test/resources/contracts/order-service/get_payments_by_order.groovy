import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'The order service reads the payments of an order, oldest first'
	priority 5
	request {
		method GET()
		urlPath('/api/payments') {
			queryParameters {
				parameter('orderId', $(consumer(regex(uuid())), producer('7d5b0e7e-0000-4000-8000-000000000003')))
			}
		}
		headers {
			header('Authorization', $(consumer(regex('Bearer .+')), producer(execute('internalToken()'))))
		}
	}
	response {
		status OK()
		headers {
			contentType(applicationJson())
		}
		body([[
			id: $(consumer('7d5b0e7e-ffff-4000-8000-000000000003'), producer(regex(uuid()))),
			orderId: fromRequest().query('orderId'),
			userId: $(consumer('7d5b0e7e-0000-4000-8000-0000000000aa'), producer(regex(uuid()))),
			status: 'APPROVED',
			amount: [amount: 2500, currency: 'EUR'],
			createdAt: $(consumer('2026-11-25T10:00:00Z'), producer(regex(iso8601WithOffset())))
		]])
	}
}
