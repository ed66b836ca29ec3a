package com.example.platform.support.operations;

import org.slf4j.MDC;

import com.example.platform.support.web.RequestIdFilter;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/**
 * Every {@link RestClient} built from Boot's builder sends the request id of the request
 * being served ({@code X-Request-Id}), next to the {@code traceparent} its observation
 * adds: the payment provider, the user and payment services see the id the gateway gave.
 * Calls made outside a request (schedulers) send none.
 */
public class RequestIdPropagation implements RestClientCustomizer {

	@Override
	public void customize(RestClient.Builder builder) {
		builder.requestInterceptor((request, body, execution) -> {
			String requestId = MDC.get(RequestIdFilter.MDC_KEY);
			if (requestId != null && !request.getHeaders().containsHeader(RequestIdFilter.HEADER)) {
				request.getHeaders().set(RequestIdFilter.HEADER, requestId);
			}
			return execution.execute(request, body);
		});
	}

}
