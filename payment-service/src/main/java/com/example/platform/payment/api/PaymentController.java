package com.example.platform.payment.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import com.example.platform.payment.payments.PaymentService;
import com.example.platform.payment.payments.PaymentSnapshot;
import com.example.platform.payment.refunds.RefundService;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments and refunds. Creating either takes the {@code internal} scope and an
 * {@code Idempotency-Key}; reading shows users only their own payments.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

	private final PaymentService payments;

	private final RefundService refunds;

	PaymentController(PaymentService payments, RefundService refunds) {
		this.payments = payments;
		this.refunds = refunds;
	}

	@PostMapping
	ResponseEntity<PaymentResponse> create(IdempotencyKey idempotencyKey,
			@Valid @RequestBody CreatePaymentRequest request, Caller caller) {
		PaymentSnapshot payment = this.payments.create(caller, idempotencyKey, request.toNewPayment());
		return ResponseEntity.created(URI.create("/api/payments/" + payment.id())).body(PaymentResponse.from(payment));
	}

	@GetMapping("/{id}")
	PaymentResponse get(@PathVariable UUID id, Caller caller) {
		return PaymentResponse.from(this.payments.find(caller, id));
	}

	@GetMapping
	List<PaymentResponse> byOrder(@RequestParam UUID orderId, Caller caller) {
		return this.payments.findByOrder(caller, orderId).stream().map(PaymentResponse::from).toList();
	}

	@PostMapping("/{id}/refunds")
	ResponseEntity<RefundResponse> refund(@PathVariable UUID id, IdempotencyKey idempotencyKey,
			@Valid @RequestBody CreateRefundRequest request, Caller caller) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(RefundResponse.from(this.refunds.refund(caller, idempotencyKey, id, request.amount().toMoney())));
	}

}
