package com.example.platform.payment.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.example.platform.payment.payments.PaymentNotFoundException;
import com.example.platform.payment.payments.UnsupportedCurrencyException;
import com.example.platform.payment.refunds.CurrencyMismatchException;
import com.example.platform.payment.refunds.PaymentNotRefundableException;
import com.example.platform.payment.refunds.RefundExceedsPaymentException;
import com.example.platform.support.problem.FieldError;
import com.example.platform.support.problem.PlatformExceptionHandler;
import com.example.platform.support.problem.ProblemTypes;
import com.example.platform.support.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The payment service's domain exceptions as problems, with stable types clients can
 * branch on (the idempotency mechanism's own are answered by its advice).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblemHandler {

	/** The refunds would exceed the payment. */
	static final URI REFUND_EXCEEDS_PAYMENT = URI.create(ProblemTypes.BASE + "refund-exceeds-payment");

	@ExceptionHandler(PaymentNotFoundException.class)
	ResponseEntity<Object> notFound(PaymentNotFoundException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, ex.getMessage()));
	}

	@ExceptionHandler(RefundExceedsPaymentException.class)
	ResponseEntity<Object> exceeds(RefundExceedsPaymentException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, REFUND_EXCEEDS_PAYMENT, ex.getMessage());
		problem.setProperty("refundable", Map.of("amount", ex.getRefundable(), "currency", ex.getCurrency()));
		return PlatformExceptionHandler.problem(problem);
	}

	@ExceptionHandler(PaymentNotRefundableException.class)
	ResponseEntity<Object> notRefundable(PaymentNotRefundableException ex) {
		return PlatformExceptionHandler
			.problem(Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, ex.getMessage()));
	}

	@ExceptionHandler(UnsupportedCurrencyException.class)
	ResponseEntity<Object> unsupportedCurrency(UnsupportedCurrencyException ex) {
		return currencyProblem(ex.getMessage());
	}

	@ExceptionHandler(CurrencyMismatchException.class)
	ResponseEntity<Object> currencyMismatch(CurrencyMismatchException ex) {
		return currencyProblem(ex.getMessage());
	}

	private static ResponseEntity<Object> currencyProblem(String message) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
				"The request has invalid fields: amount.currency.");
		problem.setProperty("errors", List.of(new FieldError("amount.currency", message)));
		return PlatformExceptionHandler.problem(problem);
	}

}
