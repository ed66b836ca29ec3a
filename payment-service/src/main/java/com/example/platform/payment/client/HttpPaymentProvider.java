package com.example.platform.payment.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.payments.ChargeOutcome;
import com.example.platform.payment.payments.PaymentProvider;
import com.example.platform.payment.refunds.RefundOutcome;
import com.example.platform.payment.refunds.RefundProvider;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The provider over HTTP, for charges and refunds, with every answer mapped explicitly:
 * <ul>
 * <li>2xx with {@code status: succeeded} → approved;</li>
 * <li>402 (or 2xx) with {@code status: failed} → declined with the provider's
 * {@code failure_code} (known codes kept, others reported as {@code card_declined});</li>
 * <li>{@code status: pending}, 409 (idempotent request in progress), 429, 5xx, read
 * timeout, connection refused, an unreadable or unexpected body → unknown, resolved
 * later;</li>
 * <li>any other 4xx → rejected: the provider refused the request itself, nothing was
 * charged.</li>
 * </ul>
 */
public class HttpPaymentProvider implements PaymentProvider, RefundProvider {

	/** Decline codes passed on as they are; anything else is a generic decline. */
	static final Set<String> DECLINE_CODES = Set.of("card_declined", "insufficient_funds", "expired_card",
			"incorrect_cvc", "do_not_honor", "lost_card", "stolen_card");

	static final String GENERIC_DECLINE = "card_declined";

	private static final Log logger = LogFactory.getLog(HttpPaymentProvider.class);

	private final ProviderApi api;

	private final JsonMapper jsonMapper;

	HttpPaymentProvider(ProviderApi api, JsonMapper jsonMapper) {
		this.api = api;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Builds the adapter over a {@link RestClient} with its own timeouts.
	 * @param builder a RestClient builder (Boot's, with the application's JSON mapper)
	 * @param baseUrl the provider's base URL, without {@code /v1}
	 * @param apiKey the secret API key, sent as a bearer token
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 * @param jsonMapper reads the provider's answers
	 * @return the adapter
	 */
	public static HttpPaymentProvider create(RestClient.Builder builder, URI baseUrl, String apiKey,
			Duration connectTimeout, Duration readTimeout, JsonMapper jsonMapper) {
		HttpClient httpClient = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(readTimeout);
		RestClient client = builder.clone()
			.baseUrl(baseUrl.toString())
			.requestFactory(requestFactory)
			.defaultHeaders(headers -> {
				if (apiKey != null && !apiKey.isBlank()) {
					headers.setBearerAuth(apiKey);
				}
			})
			// Every status is mapped below; none is turned into an exception here.
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		ProviderApi api = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
			.build()
			.createClient(ProviderApi.class);
		return new HttpPaymentProvider(api, jsonMapper);
	}

	@Override
	public ChargeOutcome charge(ChargeRequest request) {
		ProviderChargeRequest body = new ProviderChargeRequest(request.amount().amount(),
				request.amount().currency().toLowerCase(Locale.ROOT), request.paymentMethod(),
				request.reference().toString());
		return exchange(() -> this.api.createCharge(request.reference().toString(), body), this::chargeOutcome,
				reason -> new ChargeOutcome.Unknown(null, reason));
	}

	@Override
	public ChargeOutcome chargeStatus(String chargeId) {
		return exchange(() -> this.api.getCharge(chargeId), response -> {
			if (response.getStatusCode().value() == 404) {
				return new ChargeOutcome.Unknown(chargeId, "The provider does not know charge " + chargeId);
			}
			return chargeOutcome(response);
		}, reason -> new ChargeOutcome.Unknown(chargeId, reason));
	}

	@Override
	public RefundOutcome refund(RefundRequest request) {
		ProviderRefundRequest body = new ProviderRefundRequest(request.chargeId(), request.amount().amount(),
				request.amount().currency().toLowerCase(Locale.ROOT), request.reference().toString());
		return exchange(() -> this.api.createRefund(request.reference().toString(), body), this::refundOutcome,
				RefundOutcome.Unknown::new);
	}

	ChargeOutcome chargeOutcome(ResponseEntity<String> response) {
		int status = response.getStatusCode().value();
		if (response.getStatusCode().is2xxSuccessful() || status == 402) {
			JsonNode charge = parse(response.getBody());
			if (charge == null) {
				return new ChargeOutcome.Unknown(null, "Unreadable answer from the provider (HTTP " + status + ")");
			}
			String id = text(charge, "id");
			String chargeStatus = text(charge, "status");
			if ("succeeded".equals(chargeStatus) && status != 402 && id != null) {
				return new ChargeOutcome.Approved(id);
			}
			if ("failed".equals(chargeStatus)) {
				return new ChargeOutcome.Declined(id, declineCode(text(charge, "failure_code")));
			}
			if ("pending".equals(chargeStatus)) {
				return new ChargeOutcome.Unknown(id, "The provider is still processing the charge");
			}
			return new ChargeOutcome.Unknown(id,
					"Unexpected answer from the provider (HTTP " + status + ", status " + chargeStatus + ")");
		}
		if (isTransient(status)) {
			return new ChargeOutcome.Unknown(null, "The provider answered HTTP " + status);
		}
		return new ChargeOutcome.Rejected("The provider refused the request: HTTP " + status + errorCode(response));
	}

	RefundOutcome refundOutcome(ResponseEntity<String> response) {
		int status = response.getStatusCode().value();
		if (response.getStatusCode().is2xxSuccessful()) {
			JsonNode refund = parse(response.getBody());
			if (refund == null) {
				return new RefundOutcome.Unknown("Unreadable answer from the provider (HTTP " + status + ")");
			}
			String refundStatus = text(refund, "status");
			String id = text(refund, "id");
			if ("succeeded".equals(refundStatus) && id != null) {
				return new RefundOutcome.Succeeded(id);
			}
			if ("failed".equals(refundStatus)) {
				return new RefundOutcome.Failed("The provider refused the refund: " + text(refund, "failure_code"));
			}
			if ("pending".equals(refundStatus)) {
				return new RefundOutcome.Unknown("The provider is still processing the refund");
			}
			return new RefundOutcome.Unknown("Unexpected answer from the provider (status " + refundStatus + ")");
		}
		if (isTransient(status)) {
			return new RefundOutcome.Unknown("The provider answered HTTP " + status);
		}
		return new RefundOutcome.Failed("The provider refused the refund: HTTP " + status + errorCode(response));
	}

	private static boolean isTransient(int status) {
		return status == 409 || status == 429 || status >= 500 || status < 200;
	}

	private <T> T exchange(java.util.function.Supplier<ResponseEntity<String>> call,
			Function<ResponseEntity<String>, T> mapping, Function<String, T> unknown) {
		ResponseEntity<String> response;
		try {
			response = call.get();
		}
		catch (ResourceAccessException ex) {
			String reason = describe(ex);
			logger.warn("Payment provider: " + reason);
			return unknown.apply(reason);
		}
		catch (RestClientException ex) {
			logger.warn("Payment provider call failed", ex);
			return unknown.apply("The provider call failed: " + ex.getClass().getSimpleName());
		}
		return mapping.apply(response);
	}

	private static String describe(ResourceAccessException ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException) {
				return "The provider did not answer in time";
			}
			if (cause instanceof ConnectException) {
				return "The provider could not be reached (connection refused)";
			}
		}
		return "The provider could not be reached: "
				+ ((ex.getCause() != null) ? ex.getCause().getClass().getSimpleName() : "I/O error");
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode node = this.jsonMapper.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private String errorCode(ResponseEntity<String> response) {
		JsonNode body = parse(response.getBody());
		JsonNode error = (body != null) ? body.get("error") : null;
		String code = (error != null && error.isObject()) ? text(error, "code") : null;
		return (code != null) ? " (" + code + ")" : "";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	static String declineCode(String providerCode) {
		if (providerCode != null && DECLINE_CODES.contains(providerCode)) {
			return providerCode;
		}
		if (providerCode != null) {
			logger.info("Unmapped decline code from the provider: " + providerCode);
		}
		return GENERIC_DECLINE;
	}

}
