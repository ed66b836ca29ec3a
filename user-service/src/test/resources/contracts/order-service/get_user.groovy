import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'The order service checks that a customer exists: it reads only the id'
	request {
		method GET()
		url '/api/users/7c1f3b5e-0000-4a4a-9c9c-000000000001'
		headers {
			header('Authorization', $(consumer(regex('Bearer .+')), producer(execute('internalToken()'))))
		}
	}
	response {
		status OK()
		headers {
			contentType(applicationJson())
		}
		body(id: '7c1f3b5e-0000-4a4a-9c9c-000000000001')
	}
}
