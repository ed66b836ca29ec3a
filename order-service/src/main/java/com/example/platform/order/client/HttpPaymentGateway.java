package com.example.platform.order.client;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.example.platform.order.client.PaymentServiceApi.CreatePayment;
import com.example.platform.order.client.PaymentServiceApi.CreateRefund;
import com.example.platform.order.client.PaymentServiceApi.MoneyBody;
import com.example.platform.order.client.PaymentServiceApi.PaymentBody;
import com.example.platform.order.ordering.DependencyUnavailableException;
import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.PaymentGateway;
import com.example.platform.order.ordering.PaymentResult;
import com.example.platform.order.ordering.RefundResult;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The payment gateway over HTTP. Charges and refunds carry the order's idempotency keys,
 * so every call here may be repeated: a retry returns the first call's result instead of
 * moving money again.
 */
public class HttpPaymentGateway implements PaymentGateway {

	private static final Log logger = LogFactory.getLog(HttpPaymentGateway.class);

	private static final String DEPENDENCY = "payment service";

	private final PaymentServiceApi api;

	private final RemoteCalls calls;

	/**
	 * @param api the payment service's API
	 * @param calls circuit breaker and retry for the payment service
	 */
	public HttpPaymentGateway(PaymentServiceApi api, RemoteCalls calls) {
		this.api = api;
		this.calls = calls;
	}

	@Override
	public PaymentResult charge(Order order) {
		CreatePayment request = new CreatePayment(order.getId(), order.getUserId(),
				new MoneyBody(order.getTotal().amount(), order.getTotal().currency()), order.getPaymentMethod());
		try {
			return toResult(this.calls.repeatable(() -> this.api.create(order.paymentKey(), request)));
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode() == HttpStatus.CONFLICT) {
				// The same charge is in flight elsewhere: its outcome is simply not known
				// yet.
				throw new DependencyUnavailableException(DEPENDENCY, ex);
			}
			// Refused as a request (e.g. a currency it does not take): no payment was
			// created.
			logger.error("Payment service refused the charge of order " + order.getId() + ": " + ex.getStatusCode()
					+ " " + ex.getResponseBodyAsString());
			return new PaymentResult(null, PaymentResult.State.FAILED, null);
		}
	}

	@Override
	public Optional<PaymentResult> findByOrder(UUID orderId) {
		List<PaymentBody> payments;
		try {
			payments = this.calls.repeatable(() -> this.api.byOrder(orderId));
		}
		catch (HttpClientErrorException.NotFound ex) {
			// The payment service has no payment for this order: the charge never reached
			// it.
			return Optional.empty();
		}
		// One order, one idempotency key, one payment; if ever more, money taken wins.
		return payments.stream()
			.map(HttpPaymentGateway::toResult)
			.min((a, b) -> Integer.compare(priority(a), priority(b)));
	}

	@Override
	public RefundResult refundInFull(Order order) {
		CreateRefund request = new CreateRefund(new MoneyBody(order.getTotal().amount(), order.getTotal().currency()));
		try {
			PaymentServiceApi.RefundBody refund = this.calls
				.repeatable(() -> this.api.refund(order.getPaymentId(), order.refundKey(), request));
			return new RefundResult(refund.refundId(), switch (refund.status()) {
				case "SUCCEEDED" -> RefundResult.State.SUCCEEDED;
				case "FAILED" -> RefundResult.State.FAILED;
				default -> RefundResult.State.PENDING;
			});
		}
		catch (HttpClientErrorException ex) {
			throw new DependencyUnavailableException(DEPENDENCY, ex);
		}
	}

	private static PaymentResult toResult(PaymentBody payment) {
		PaymentResult.State state = switch (payment.status()) {
			case "APPROVED" -> PaymentResult.State.APPROVED;
			case "DECLINED" -> PaymentResult.State.DECLINED;
			case "FAILED" -> PaymentResult.State.FAILED;
			// PENDING, and any state added later: not final, ask again.
			default -> PaymentResult.State.PENDING;
		};
		return new PaymentResult(payment.id(), state, payment.declineCode());
	}

	private static int priority(PaymentResult result) {
		return switch (result.state()) {
			case APPROVED -> 0;
			case PENDING -> 1;
			case DECLINED -> 2;
			case FAILED -> 3;
		};
	}

}
