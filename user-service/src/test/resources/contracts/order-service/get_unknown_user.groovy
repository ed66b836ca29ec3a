import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'The order service asks about a customer the user service does not know'
	request {
		method GET()
		url '/api/users/7c1f3b5e-0000-4a4a-9c9c-000000000404'
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
