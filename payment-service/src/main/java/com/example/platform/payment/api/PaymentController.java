package com.example.platform.payment.api;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import com.example.platform.payment.domain.Caller;
import com.example.platform.payment.domain.PaymentService;
import com.example.platform.payment.domain.PaymentSnapshot;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** 1 to 255 visible ASCII characters, as payment APIs commonly accept. */
	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private final PaymentService payments;

	PaymentController(PaymentService payments) {
		this.payments = payments;
	}

	@PostMapping
	ResponseEntity<PaymentResponse> create(@RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
			@Valid @RequestBody CreatePaymentRequest request, @AuthenticationPrincipal Jwt jwt) {
		PaymentSnapshot payment = this.payments.create(caller(jwt), checked(idempotencyKey), request.toNewPayment());
		return ResponseEntity.created(URI.create("/api/payments/" + payment.id())).body(PaymentResponse.from(payment));
	}

	@GetMapping("/{id}")
	PaymentResponse get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return PaymentResponse.from(this.payments.find(caller(jwt), id));
	}

	@GetMapping
	List<PaymentResponse> byOrder(@RequestParam UUID orderId, @AuthenticationPrincipal Jwt jwt) {
		return this.payments.findByOrder(caller(jwt), orderId).stream().map(PaymentResponse::from).toList();
	}

	@PostMapping("/{id}/refunds")
	ResponseEntity<RefundResponse> refund(@PathVariable UUID id, @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
			@Valid @RequestBody CreateRefundRequest request, @AuthenticationPrincipal Jwt jwt) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(RefundResponse
				.from(this.payments.refund(caller(jwt), checked(idempotencyKey), id, request.amount().toMoney())));
	}

	/**
	 * Checked here rather than with Bean Validation on the parameter: that would switch
	 * the whole method to method validation, whose errors name the body parameter instead
	 * of its fields.
	 */
	private static String checked(String idempotencyKey) {
		if (!KEY.matcher(idempotencyKey).matches()) {
			throw new InvalidIdempotencyKeyException();
		}
		return idempotencyKey;
	}

	static Caller caller(Jwt jwt) {
		Object scope = jwt.getClaims().get("scope");
		boolean internal = (scope instanceof Collection<?> scopes) ? scopes.contains("internal")
				: (scope instanceof String value) && List.of(value.split(" ")).contains("internal");
		return new Caller(jwt.getSubject(), internal);
	}

}
