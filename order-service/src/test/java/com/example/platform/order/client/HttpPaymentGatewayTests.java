package com.example.platform.order.client;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.platform.order.ordering.DependencyUnavailableException;
import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.Orders;
import com.example.platform.order.ordering.PaymentResult;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.ExpectedCount.times;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * How the payment service's answers map to the saga's view of a payment. The answers the
 * contracts cover are also tested against the generated stubs; these are the edges.
 */
class HttpPaymentGatewayTests {

	private MockRestServiceServer server;

	private HttpPaymentGateway gateway;

	private final Order order = Orders.pending();

	@BeforeEach
	void setUp() {
		RestClient.Builder builder = RestClient.builder().baseUrl("http://payments.test");
		this.server = MockRestServiceServer.bindTo(builder).build();
		PaymentServiceApi api = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(builder.build()))
			.build()
			.createClient(PaymentServiceApi.class);
		this.gateway = new HttpPaymentGateway(api,
				new RemoteCalls("payment service", 1, Duration.ZERO, Duration.ofMinutes(1)));
	}

	@Test
	void readsNoPaymentWhenThePaymentServiceHasNoneForTheOrder() {
		this.server.expect(requestTo("http://payments.test/api/payments?orderId=" + this.order.getId()))
			.andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(this.gateway.findByOrder(this.order.getId())).isEmpty();
	}

	@Test
	void prefersTakenMoneyWhenAnOrderHasSeveralPayments() {
		UUID approved = UUID.randomUUID();
		this.server.expect(requestTo("http://payments.test/api/payments?orderId=" + this.order.getId()))
			.andRespond(withSuccess("""
					[{"id": "%s", "status": "DECLINED", "declineCode": "card_declined"},
					 {"id": "%s", "status": "APPROVED"}]""".formatted(UUID.randomUUID(), approved),
					MediaType.APPLICATION_JSON));
		assertThat(this.gateway.findByOrder(this.order.getId()))
			.contains(new PaymentResult(approved, PaymentResult.State.APPROVED, null));
	}

	@Test
	void treatsAStateItDoesNotKnowAsNotFinal() {
		UUID id = UUID.randomUUID();
		this.server.expect(method(HttpMethod.POST))
			.andExpect(header("Idempotency-Key", this.order.paymentKey()))
			.andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
				.body("{\"id\": \"%s\", \"status\": \"UNDER_REVIEW\", \"riskScore\": 7}".formatted(id)));
		assertThat(this.gateway.charge(this.order)).isEqualTo(new PaymentResult(id, PaymentResult.State.PENDING, null));
	}

	@Test
	void reportsAChargeInFlightElsewhereAsUnknown() {
		this.server.expect(method(HttpMethod.POST)).andRespond(withStatus(HttpStatus.CONFLICT));
		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> this.gateway.charge(this.order));
	}

	@Test
	void reportsARefusedChargeAsFailedBecauseNoPaymentWasMade() {
		this.server.expect(method(HttpMethod.POST))
			.andRespond(withStatus(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body("{\"detail\": \"Currency not accepted\"}"));
		assertThat(this.gateway.charge(this.order).state()).isEqualTo(PaymentResult.State.FAILED);
	}

	@Test
	void retriesAServerErrorOnceWithTheSameKeyThenReportsUnknown() {
		this.server.expect(times(2), method(HttpMethod.POST))
			.andExpect(header("Idempotency-Key", this.order.paymentKey()))
			.andRespond(withStatus(HttpStatus.SERVICE_UNAVAILABLE));
		assertThatExceptionOfType(DependencyUnavailableException.class)
			.isThrownBy(() -> this.gateway.charge(this.order));
		this.server.verify();
	}

}
