import org.springframework.cloud.contract.spec.Contract

Contract.make {
	description 'The order service obtains a service token (client credentials, scope internal)'
	request {
		method POST()
		url '/oauth2/token'
		headers {
			header('Authorization', $(consumer(regex('Basic .+')),
					producer('Basic ' + 'order-service:contract-secret'.bytes.encodeBase64().toString())))
			header('Content-Type', $(consumer(regex('application/x-www-form-urlencoded.*')),
					producer('application/x-www-form-urlencoded')))
		}
		body($(consumer(regex('(?s).*grant_type=client_credentials.*')),
				producer('grant_type=client_credentials&scope=internal')))
	}
	response {
		status OK()
		headers {
			contentType(applicationJson())
		}
		body(
			access_token: $(consumer('stub.service.token'), producer(regex('[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+'))),
			token_type: 'Bearer',
			scope: 'internal',
			expires_in: $(consumer(300), producer(regex('[1-9][0-9]*')))
		)
	}
}
