package com.example.platform.order.ordering;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.example.platform.order.catalog.Product;
import com.example.platform.order.catalog.ProductRepository;
import com.example.platform.support.events.Outbox;
import com.example.platform.support.events.ProcessedEvents;
import com.example.platform.support.idempotency.Claim;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotentRequest;
import com.example.platform.support.idempotency.IdempotentRequests;
import com.example.platform.support.retry.RetryPolicy;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order saga: check the customer, store the order, charge it, record the outcome —
 * each database step a short transaction of its own, never open across an HTTP call.
 * Whatever happens between the steps (a crash, a timeout, a dead dependency), the stored
 * order says what is left to do and {@link OrderReconciler} finishes it with the same
 * idempotency keys, so money is neither lost nor taken twice.
 */
@Service
public class OrderService {

	private static final Log logger = LogFactory.getLog(OrderService.class);

	private static final int OPTIMISTIC_RETRIES = 5;

	private final ProductRepository products;

	private final OrderRepository orders;

	private final UserDirectory users;

	private final PaymentGateway payments;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final RetryPolicy reconciliation;

	private final IdempotentRequests idempotency;

	private final Map<OrderStatus, Counter> placed = new EnumMap<>(OrderStatus.class);

	private final ProcessedEvents processed;

	private final Outbox outbox;

	public OrderService(ProductRepository products, OrderRepository orders, UserDirectory users,
			PaymentGateway payments, TransactionTemplate transactions, Clock clock, SagaTimings timings,
			IdempotentRequests idempotency, MeterRegistry meters, ProcessedEvents processed, Outbox outbox) {
		this.processed = processed;
		this.outbox = outbox;
		this.products = products;
		this.orders = orders;
		this.users = users;
		this.payments = payments;
		this.transactions = transactions;
		this.clock = clock;
		this.reconciliation = timings.reconciliation();
		this.idempotency = idempotency;
		// New orders by how their placement ended (replays are not counted again).
		for (OrderStatus status : List.of(OrderStatus.PAID, OrderStatus.PAYMENT_PENDING, OrderStatus.PAYMENT_DECLINED,
				OrderStatus.PAYMENT_FAILED)) {
			this.placed.put(status,
					Counter.builder("orders.placed")
						.description("New orders, by the outcome their placement answered")
						.tag("outcome", outcome(status))
						.register(meters));
		}
	}

	private static String outcome(OrderStatus status) {
		return switch (status) {
			case PAID -> "paid";
			case PAYMENT_PENDING -> "pending";
			case PAYMENT_DECLINED -> "declined";
			default -> "failed";
		};
	}

	/**
	 * Places and pays an order, once per idempotency key: a retry with the same key and
	 * request gets the first answer again; a retry after the first request's process died
	 * takes the request over and answers with the order it had stored (completed if it
	 * can be), never a second order.
	 * @param userId the customer (from their token, never from the body)
	 * @param key the request's idempotency key, scoped to the customer
	 * @param lines what they order
	 * @param paymentMethod the payment method token
	 * @return the order as answered: paid, declined, or still pending when the payment's
	 * outcome is unknown
	 */
	public OrderSnapshot place(UUID userId, IdempotencyKey key, List<OrderRules.RequestedLine> lines,
			String paymentMethod) {
		return this.idempotency.execute(placement(userId, key, lines, paymentMethod), OrderSnapshot.class,
				claim -> claim.resourceId()
					.map(this::resume)
					.orElseGet(() -> counted(placeNew(userId, lines, paymentMethod, claim)))
					.snapshot());
	}

	/**
	 * @param userId the customer
	 * @param key the request's idempotency key
	 * @param lines what they order
	 * @param paymentMethod the payment method token
	 * @return the idempotent request placing this order: the key scoped to the customer,
	 * fingerprinted by what is ordered and how it is paid
	 */
	public static IdempotentRequest placement(UUID userId, IdempotencyKey key, List<OrderRules.RequestedLine> lines,
			String paymentMethod) {
		return IdempotentRequest.of(userId.toString(), key, "place-order", lines, paymentMethod);
	}

	private Order counted(Order order) {
		Counter counter = this.placed.get(order.getStatus());
		if (counter != null) {
			counter.increment();
		}
		return order;
	}

	private Order placeNew(UUID userId, List<OrderRules.RequestedLine> lines, String paymentMethod, Claim claim) {
		Map<String, Product> priceList = this.products
			.findBySkus(lines.stream().map(OrderRules.RequestedLine::sku).distinct().toArray(String[]::new))
			.stream()
			.collect(Collectors.toMap(Product::getSku, Function.identity()));
		OrderRules.PricedLines priced = OrderRules.price(lines, priceList);
		if (!this.users.exists(userId)) {
			throw new UnknownUserException();
		}
		Order order = Order.place(userId, priced.lines(), priced.currency(), paymentMethod, this.clock.instant(),
				this.reconciliation);
		this.transactions.executeWithoutResult(status -> {
			store(order);
			claim.link(order.getId());
		});
		return chargeAndRecord(order);
	}

	/**
	 * The request that held the key died after storing its order: take the order one step
	 * further now, as reconciliation would later, and answer with it.
	 */
	private Order resume(UUID orderId) {
		Order order = this.orders.findById(orderId).orElseThrow(OrderNotFoundException::new);
		if (order.getStatus() != OrderStatus.PAYMENT_PENDING) {
			return order;
		}
		reconcile(orderId);
		return this.orders.findById(orderId).orElseThrow(OrderNotFoundException::new);
	}

	/**
	 * Cancels an order: at once when no money was taken, after a full refund when it was.
	 * Cancelling again answers the same.
	 * @param orderId the order
	 * @param userId the caller, who must own it
	 * @return the order, {@code CANCELLED} or (refund not confirmed yet)
	 * {@code CANCELLATION_PENDING}
	 */
	public Order cancel(UUID orderId, UUID userId) {
		Order order = inTransaction(orderId, found -> {
			if (!found.getUserId().equals(userId)) {
				throw new OrderNotFoundException();
			}
			found.requestCancellation(this.clock.instant());
		});
		return (order.getStatus() == OrderStatus.CANCELLATION_PENDING) ? settleCancellation(orderId) : order;
	}

	/**
	 * @param orderId the order
	 * @param userId the caller
	 * @return the order, if it is the caller's
	 */
	public Order find(UUID orderId, UUID userId) {
		return this.orders.findByIdAndUserId(orderId, userId).orElseThrow(OrderNotFoundException::new);
	}

	/**
	 * @param userId the caller
	 * @param page zero-based page
	 * @param size page size
	 * @return the caller's orders, newest first
	 */
	public Page<Order> list(UUID userId, int page, int size) {
		return this.orders.findByUserNewestFirst(userId, PageRequest.of(page, size));
	}

	/**
	 * Takes an order that needs reconciliation one step further; called for claimed
	 * orders only.
	 * @param orderId the order
	 */
	public void reconcile(UUID orderId) {
		Order order = this.orders.findById(orderId).orElseThrow(OrderNotFoundException::new);
		switch (order.getStatus()) {
			case PAYMENT_PENDING -> {
				Optional<PaymentResult> payment = ask(() -> this.payments.findByOrder(orderId), orderId);
				if (payment == null) {
					return;
				}
				// No payment at all means the charge never reached the payment service:
				// charge now,
				// with the order's key, so a charge that did get through is returned, not
				// repeated.
				PaymentResult result = payment.isPresent() ? payment.get()
						: ask(() -> this.payments.charge(order), orderId);
				if (result != null) {
					record(orderId, result);
				}
			}
			case CANCELLATION_PENDING -> settleCancellation(orderId);
			default -> {
				// completed meanwhile: nothing to do
			}
		}
	}

	/**
	 * Applies payment-service's word that an order's payment settled, once per event. In
	 * the common case the order already has the outcome (the charge's answer brought it)
	 * and this costs one read; otherwise the outcome and the event's mark commit
	 * together.
	 * @param eventId the event, marked processed with its effect
	 * @param orderId the order
	 * @param result the settled payment
	 * @throws OrderNotFoundException if there is no such order
	 * @throws IllegalOrderTransitionException if the outcome contradicts the order's
	 */
	public void paymentSettled(UUID eventId, UUID orderId, PaymentResult result) {
		Order order = this.orders.findById(orderId).orElseThrow(OrderNotFoundException::new);
		Instant now = this.clock.instant();
		if (!order.applyPayment(result, now)) {
			return;
		}
		try {
			this.transactions.executeWithoutResult(status -> {
				if (this.processed.markProcessed(eventId)) {
					store(order);
				}
			});
		}
		catch (OptimisticLockingFailureException ex) {
			// Changed since it was read (the charge's answer, the reconciler): re-apply
			// on
			// the stored order, where it may well change nothing now.
			inTransaction(orderId, stored -> {
				if (this.processed.markProcessed(eventId)) {
					stored.applyPayment(result, this.clock.instant());
				}
			});
		}
	}

	private Order chargeAndRecord(Order order) {
		// The order as just stored: the charge needs nothing that a re-read would change,
		// and the outcome is stored on it unless someone changed the order meanwhile.
		UUID orderId = order.getId();
		PaymentResult result;
		try {
			result = this.payments.charge(order);
		}
		catch (DependencyUnavailableException ex) {
			logger.warn("Payment outcome of order " + orderId + " unknown; reconciliation will complete it: "
					+ ex.getMessage());
			String reason = ex.getMessage();
			return changeStored(order,
					stored -> stored.requestPaymentLater(reason, this.clock.instant(), this.reconciliation));
		}
		return changeStored(order, recording(result));
	}

	private Order record(UUID orderId, PaymentResult result) {
		return inTransaction(orderId, recording(result));
	}

	private Consumer<Order> recording(PaymentResult result) {
		return order -> {
			Instant now = this.clock.instant();
			order.applyPayment(result, now);
			order.reconcileLater("payment " + result.state(), now, this.reconciliation);
		};
	}

	/**
	 * Changes an order this request stored (or read) itself, without reading it again:
	 * the version check of the update tells whether anyone changed it since, and only
	 * then is it read again and the change re-applied. A change that raised events is
	 * stored with them in one transaction; one that raised none is a single statement.
	 */
	private Order changeStored(Order order, Consumer<Order> change) {
		try {
			change.accept(order);
			return order.hasEvents() ? this.transactions.execute(status -> store(order)) : this.orders.save(order);
		}
		catch (OptimisticLockingFailureException ex) {
			return inTransaction(order.getId(), change);
		}
	}

	private Order settleCancellation(UUID orderId) {
		Optional<PaymentResult> payment = ask(() -> this.payments.findByOrder(orderId), orderId);
		if (payment == null) {
			return this.orders.findById(orderId).orElseThrow(OrderNotFoundException::new);
		}
		if (payment.isEmpty()) {
			// Nothing was charged. Should a charge still land, applyPayment reopens the
			// cancellation.
			return inTransaction(orderId, order -> order.completeCancellation(null, this.clock.instant()));
		}
		Order order = record(orderId, payment.get());
		if (order.getStatus() != OrderStatus.CANCELLATION_PENDING
				|| payment.get().state() != PaymentResult.State.APPROVED) {
			return order;
		}
		// Asking again with the same key refunds nothing twice and answers the refund as
		// it stands now: how the reconciler learns a pending refund's outcome when its
		// RefundSettled event is late.
		RefundResult refund = ask(() -> this.payments.refundInFull(order), orderId);
		if (refund == null) {
			return this.orders.findById(orderId).orElseThrow(OrderNotFoundException::new);
		}
		return inTransaction(orderId, found -> applyRefund(found, found.getPaymentId(), refund, null));
	}

	/**
	 * Applies payment-service's word that the refund of an order's cancellation settled,
	 * once per event: the effect and the event's mark commit together. A succeeded refund
	 * completes the cancellation; a refused one leaves it {@code CANCELLATION_PENDING}
	 * for an operator, as when the refund's answer says so.
	 * @param eventId the event, marked processed with its effect
	 * @param orderId the order
	 * @param paymentId the refunded payment
	 * @param refund the settled refund ({@code SUCCEEDED} or {@code FAILED})
	 * @param reason why it failed, if it did
	 * @throws OrderNotFoundException if there is no such order
	 * @throws IllegalOrderTransitionException if the refund contradicts the order
	 */
	public void refundSettled(UUID eventId, UUID orderId, UUID paymentId, RefundResult refund, String reason) {
		for (int attempt = 1;; attempt++) {
			try {
				this.transactions.executeWithoutResult(status -> {
					Order order = this.orders.findById(orderId).orElseThrow(OrderNotFoundException::new);
					if (this.processed.markProcessed(eventId)) {
						applyRefund(order, paymentId, refund, reason);
						this.orders.save(order);
					}
				});
				return;
			}
			catch (OptimisticLockingFailureException ex) {
				// Changed meanwhile (the cancelling request, the reconciler): the mark
				// rolled back with it; read again and re-apply.
				if (attempt >= OPTIMISTIC_RETRIES) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A refund's state applied to its order: pending and refused refunds leave the
	 * cancellation for reconciliation to look at again (an operator, for a refused one).
	 */
	private void applyRefund(Order order, UUID paymentId, RefundResult refund, String reason) {
		Instant now = this.clock.instant();
		order.applyRefund(paymentId, refund, now);
		switch (refund.state()) {
			case SUCCEEDED -> {
				// cancelled: nothing left to reconcile
			}
			case PENDING ->
				order.reconcileLater("refund " + refund.refundId() + " not settled yet", now, this.reconciliation);
			case FAILED -> {
				// The provider's reason is kept on the order, where an operator looks.
				String refusal = "refund " + refund.refundId() + " refused by the provider"
						+ ((reason != null) ? " (" + reason + ")" : "");
				logger.error("Order " + order.getId() + ": " + refusal
						+ "; the order stays CANCELLATION_PENDING for an operator");
				order.reconcileLater(refusal, now, this.reconciliation);
			}
		}
	}

	private <T> T ask(java.util.function.Supplier<T> call, UUID orderId) {
		try {
			return call.get();
		}
		catch (DependencyUnavailableException ex) {
			logger.warn("Order " + orderId + ": " + ex.getMessage() + " Will retry.");
			retryLater(orderId, ex.getMessage());
			return null;
		}
	}

	private void retryLater(UUID orderId, String reason) {
		inTransaction(orderId, order -> order.reconcileLater(reason, this.clock.instant(), this.reconciliation));
	}

	/**
	 * Stores an order and publishes the events its changes raised, in the caller's
	 * transaction: the events are sent exactly when the change commits. Every save of an
	 * order goes through here.
	 */
	private Order store(Order order) {
		this.orders.save(order);
		for (OrderEvent event : order.releaseEvents()) {
			this.outbox.publish(event);
		}
		return order;
	}

	private Order inTransaction(UUID orderId, Consumer<Order> change) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> {
					Order order = this.orders.findById(orderId).orElseThrow(OrderNotFoundException::new);
					Order.Stored before = order.stored();
					change.accept(order);
					// Often nothing changes: the charge's answer re-applied after the
					// PaymentSettled event (or the reconciler) already stored it.
					return (order.hasEvents() || !order.stored().equals(before)) ? store(order) : order;
				});
			}
			catch (OptimisticLockingFailureException ex) {
				// Another request or instance changed the order meanwhile: re-read and
				// re-apply.
				if (attempt >= OPTIMISTIC_RETRIES) {
					throw ex;
				}
			}
		}
	}

}
