import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'The order service asks for the payments of an order that has none (its charge never arrived): 404'
	priority 1
	request {
		method GET()
		urlPath('/api/payments') {
			queryParameters {
				parameter('orderId', $(consumer(regex('00000000-0000-4000-8000-[0-9a-f]{12}')),
						producer('00000000-0000-4000-8000-00000000dead')))
			}
		}
		headers {
			header('Authorization', $(consumer(regex('Bearer .+')), producer(execute('internalToken()'))))
		}
	}
	response {
		status NOT_FOUND()
		headers {
			contentType('application/problem+json')
		}
	}
}
