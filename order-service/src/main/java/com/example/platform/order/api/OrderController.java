package com.example.platform.order.api;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderService;
import com.example.platform.order.ordering.OrderSnapshot;
import com.example.platform.order.ordering.OrderStatus;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.security.Caller;

import org.springframework.data.domain.Page;
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
 * Customers' orders. The caller's token decides whose orders they are; other customers'
 * orders do not exist for them ({@code 404}); a service token has no orders
 * ({@code 403}).
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@PostMapping
	ResponseEntity<OrderResponse> place(IdempotencyKey key, @Valid @RequestBody PlaceOrderRequest request,
			Caller caller) {
		OrderSnapshot order = this.orders.place(caller.requireUser(), key, request.lines(), request.paymentMethod());
		HttpStatus status = order.status().needsReconciliation() ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
		return ResponseEntity.status(status)
			.location(URI.create("/api/orders/" + order.id()))
			.body(OrderResponse.from(order));
	}

	@GetMapping("/{id}")
	OrderResponse get(@PathVariable UUID id, Caller caller) {
		return OrderResponse.from(this.orders.find(id, caller.requireUser()).snapshot());
	}

	@GetMapping
	OrderPage list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
		Page<Order> found = this.orders.list(caller.requireUser(), page, size);
		return new OrderPage(found.getContent().stream().map(order -> OrderResponse.from(order.snapshot())).toList(),
				page, size, found.getTotalElements(), found.getTotalPages());
	}

	@PostMapping("/{id}/cancel")
	ResponseEntity<OrderResponse> cancel(@PathVariable UUID id, Caller caller) {
		Order order = this.orders.cancel(id, caller.requireUser());
		HttpStatus status = (order.getStatus() == OrderStatus.CANCELLED) ? HttpStatus.OK : HttpStatus.ACCEPTED;
		return ResponseEntity.status(status).body(OrderResponse.from(order.snapshot()));
	}

}
