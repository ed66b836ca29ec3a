package com.example.platform.order.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.order.domain.IdempotencyStore;
import com.example.platform.order.domain.IdempotencyStore.Claim;
import com.example.platform.order.domain.Order;
import com.example.platform.order.domain.OrderService;
import com.example.platform.order.domain.OrderStatus;
import com.example.platform.support.problem.PlatformExceptionHandler;
import com.example.platform.support.problem.ProblemTypes;
import com.example.platform.support.problem.Problems;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * Customers' orders. The caller's token decides whose orders they are; other customers'
 * orders do not exist for them ({@code 404}).
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final URI IDEMPOTENCY_KEY_REUSED = URI.create(ProblemTypes.BASE + "idempotency-key-reused");

	private static final String KEY_PATTERN = "[\\x21-\\x7E]+";

	private static final String KEY_MESSAGE = "must be 1 to 255 visible ASCII characters";

	private final OrderService orders;

	private final IdempotencyStore idempotency;

	private final JsonMapper json;

	OrderController(OrderService orders, IdempotencyStore idempotency, JsonMapper json) {
		this.orders = orders;
		this.idempotency = idempotency;
		this.json = json;
	}

	@PostMapping
	ResponseEntity<?> place(
			@RequestHeader(IDEMPOTENCY_KEY) @Size(min = 1, max = 255,
					message = KEY_MESSAGE) @Pattern(regexp = KEY_PATTERN, message = KEY_MESSAGE) String key,
			@Valid @RequestBody PlaceOrderRequest request, @AuthenticationPrincipal Jwt jwt) {
		UUID userId = Callers.userId(jwt);
		Claim claim = this.idempotency.begin(userId, key, fingerprint(request));
		return switch (claim) {
			case Claim.Replay replay -> ResponseEntity.status(replay.status())
				.contentType(MediaType.APPLICATION_JSON)
				.location(location(replay.body()))
				.body(replay.body());
			case Claim.InFlight inFlight ->
				PlatformExceptionHandler.problem(Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT,
						"A request with this Idempotency-Key is still being processed. Retry later."));
			case Claim.Mismatch mismatch ->
				PlatformExceptionHandler.problem(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, IDEMPOTENCY_KEY_REUSED,
						"This Idempotency-Key was used for a different request. Use a new key for a new order."));
			case Claim.Resume resume -> remember(userId, key, this.orders.find(resume.orderId(), userId));
			case Claim.Started started -> {
				Order order;
				try {
					order = this.orders.place(userId, request.lines(), request.paymentMethod(),
							placed -> this.idempotency.linkOrder(userId, key, placed.getId()));
				}
				catch (RuntimeException ex) {
					// Nothing was stored (refused, or the user service was down): the key
					// is free again.
					this.idempotency.release(userId, key);
					throw ex;
				}
				yield remember(userId, key, order);
			}
		};
	}

	@GetMapping("/{id}")
	OrderResponse get(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return OrderResponse.from(this.orders.find(id, Callers.userId(jwt)));
	}

	@GetMapping
	OrderPage list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		Page<Order> found = this.orders.list(Callers.userId(jwt), page, size);
		return new OrderPage(found.getContent().stream().map(OrderResponse::from).toList(), page, size,
				found.getTotalElements(), found.getTotalPages());
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<OrderResponse> cancel(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		Order order = this.orders.cancel(id, Callers.userId(jwt));
		HttpStatus status = (order.getStatus() == OrderStatus.CANCELLED) ? HttpStatus.OK : HttpStatus.ACCEPTED;
		return ResponseEntity.status(status).body(OrderResponse.from(order));
	}

	private ResponseEntity<?> remember(UUID userId, String key, Order order) {
		HttpStatus status = order.getStatus().needsReconciliation() ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
		String body = this.json.writeValueAsString(OrderResponse.from(order));
		this.idempotency.complete(userId, key, status.value(), body);
		return ResponseEntity.status(status)
			.location(URI.create("/api/orders/" + order.getId()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

	private URI location(String storedBody) {
		return URI.create("/api/orders/" + this.json.readTree(storedBody).get("id").asString());
	}

	private String fingerprint(PlaceOrderRequest request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
