package com.example.platform.payment.client;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The provider's HTTP API as documented in the README. Answers are taken raw (status and
 * body text) so that every status and every malformed body is mapped explicitly by
 * {@link HttpPaymentProvider}, never by a generic error handler.
 */
@HttpExchange(url = "/v1", accept = "application/json")
interface ProviderApi {

	@PostExchange(url = "/charges", contentType = "application/json")
	ResponseEntity<String> createCharge(@RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody ProviderChargeRequest request);

	@GetExchange("/charges/{id}")
	ResponseEntity<String> getCharge(@PathVariable String id);

	@PostExchange(url = "/refunds", contentType = "application/json")
	ResponseEntity<String> createRefund(@RequestHeader("Idempotency-Key") String idempotencyKey,
			@RequestBody ProviderRefundRequest request);

}
