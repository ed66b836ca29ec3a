package com.example.platform.order.ordering;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.example.platform.order.catalog.Money;
import com.example.platform.support.retry.Attempts;
import com.example.platform.support.retry.RetryPolicy;

/**
 * An order and its life: placed with a server-computed total, then paid, declined or
 * failed according to the payment service, and cancelled with a refund when money was
 * taken. Every state change is a method here; a change the current state does not allow
 * throws {@link IllegalOrderTransitionException}. Repeating a change that already
 * happened is a no-op, so retries and reconciliation can apply an outcome more than once.
 */
public class Order {

	private UUID id;

	private UUID userId;

	private OrderStatus status;

	private String currency;

	private long totalAmount;

	private String paymentMethod;

	private List<OrderLine> lines = new ArrayList<>();

	private UUID paymentId;

	private String declineCode;

	private UUID refundId;

	private Instant createdAt;

	private Instant updatedAt;

	private Attempts reconciliation;

	// Null until stored; then the version of the stored row, for optimistic locking.
	private Long version;

	// Raised by the changes since the order was last stored; never stored themselves.
	private final List<OrderEvent> events = new ArrayList<>();

	private Order() {
	}

	/**
	 * An order as stored, read back by its repository.
	 * @param row the stored columns
	 * @param lines its lines, in order
	 * @return the order
	 */
	public static Order restore(Stored row, List<OrderLine> lines) {
		Order order = new Order();
		order.id = row.id();
		order.userId = row.userId();
		order.status = row.status();
		order.currency = row.currency();
		order.totalAmount = row.totalAmount();
		order.paymentMethod = row.paymentMethod();
		order.lines = new ArrayList<>(lines);
		order.paymentId = row.paymentId();
		order.declineCode = row.declineCode();
		order.refundId = row.refundId();
		order.createdAt = row.createdAt();
		order.updatedAt = row.updatedAt();
		order.reconciliation = Attempts.restore(row.reconcileAttempts(), row.reconcileAfter(), row.reconcileFailure());
		order.version = row.version();
		return order;
	}

	/**
	 * @return the order's columns as they are to be stored
	 */
	public Stored stored() {
		return new Stored(this.id, this.userId, this.status, this.currency, this.totalAmount, this.paymentMethod,
				this.paymentId, this.declineCode, this.refundId, this.createdAt, this.updatedAt,
				this.reconciliation.count(), this.reconciliation.nextAttemptAt(), this.reconciliation.lastFailure(),
				this.version);
	}

	/**
	 * Called by the repository once the order is stored.
	 * @param version the version of the stored row
	 */
	public void storedAs(long version) {
		this.version = version;
	}

	/**
	 * A new order, waiting for its payment. Reconciliation will look at it after
	 * {@code reconcileGrace} unless the placing request completes it first, so an order
	 * is never forgotten even if this process dies before the payment's outcome is
	 * stored.
	 * @param userId the customer
	 * @param lines the priced lines (1 to {@link OrderRules#MAX_LINES}), all in one
	 * currency
	 * @param paymentMethod the payment method token to charge
	 * @param now the current time
	 * @param reconciliation when reconciliation looks at the order; its first delay is
	 * the grace the placing request has
	 * @return the order, not yet stored
	 */
	public static Order place(UUID userId, List<OrderLine> lines, String currency, String paymentMethod, Instant now,
			RetryPolicy reconciliation) {
		Order order = new Order();
		order.id = UUID.randomUUID();
		order.userId = userId;
		order.status = OrderStatus.PAYMENT_PENDING;
		order.currency = currency;
		order.lines = new ArrayList<>(lines);
		order.totalAmount = lines.stream()
			.map(line -> line.total(currency))
			.reduce(new Money(0, currency), Money::plus)
			.amount();
		order.paymentMethod = paymentMethod;
		order.createdAt = now.truncatedTo(ChronoUnit.MICROS);
		order.updatedAt = order.createdAt;
		order.reconciliation = Attempts.firstDue(now, reconciliation);
		order.events.add(OrderPlaced.of(order));
		return order;
	}

	/**
	 * Applies what the payment service says about this order's payment.
	 * @param payment the payment's state
	 * @param now the current time
	 * @return whether the order changed
	 */
	public boolean applyPayment(PaymentResult payment, Instant now) {
		OrderStatus before = this.status;
		switch (this.status) {
			case PAYMENT_PENDING -> {
				switch (payment.state()) {
					case APPROVED -> {
						this.paymentId = payment.paymentId();
						this.status = OrderStatus.PAID;
					}
					case DECLINED -> {
						this.paymentId = payment.paymentId();
						this.declineCode = payment.declineCode();
						this.status = OrderStatus.PAYMENT_DECLINED;
					}
					case FAILED -> {
						this.paymentId = payment.paymentId();
						this.status = OrderStatus.PAYMENT_FAILED;
					}
					case PENDING -> this.paymentId = payment.paymentId();
				}
			}
			case PAID -> requireSame(payment, PaymentResult.State.APPROVED, "record a " + payment.state() + " payment");
			case PAYMENT_DECLINED ->
				requireSame(payment, PaymentResult.State.DECLINED, "record a " + payment.state() + " payment");
			case PAYMENT_FAILED ->
				requireSame(payment, PaymentResult.State.FAILED, "record a " + payment.state() + " payment");
			case CANCELLATION_PENDING -> {
				this.paymentId = payment.paymentId();
				if (payment.state() == PaymentResult.State.DECLINED || payment.state() == PaymentResult.State.FAILED) {
					// No money was taken: nothing to refund.
					this.status = OrderStatus.CANCELLED;
				}
			}
			case CANCELLED -> {
				if (this.refundId != null && payment.paymentId().equals(this.paymentId)) {
					// Late word on the payment this cancellation already refunded.
					return false;
				}
				if (payment.state() == PaymentResult.State.APPROVED || payment.state() == PaymentResult.State.PENDING) {
					// A charge landed (or may land) after the order was cancelled: it
					// must be refunded.
					this.paymentId = payment.paymentId();
					this.status = OrderStatus.CANCELLATION_PENDING;
					this.reconciliation.dueAgainAt(now);
				}
			}
		}
		return touch(before, now);
	}

	/**
	 * The customer cancels. Orders with no money taken are cancelled at once; paid or
	 * still-pending ones wait for the refund (or the payment's outcome). Cancelling a
	 * cancelled order changes nothing.
	 * @param now the current time
	 * @return whether the order changed
	 */
	public boolean requestCancellation(Instant now) {
		OrderStatus before = this.status;
		switch (this.status) {
			case PAYMENT_DECLINED, PAYMENT_FAILED -> this.status = OrderStatus.CANCELLED;
			case PAYMENT_PENDING, PAID -> {
				this.status = OrderStatus.CANCELLATION_PENDING;
				this.reconciliation.dueAgainAt(now);
			}
			case CANCELLATION_PENDING, CANCELLED -> {
				// already on its way, or done
			}
		}
		return touch(before, now);
	}

	/**
	 * Applies what the payment service says about the refund of this order's
	 * cancellation. Only a succeeded refund completes the cancellation: a pending one is
	 * remembered and awaited, a refused one leaves the cancellation pending for an
	 * operator (the money is still taken). Repeating what the order already knows changes
	 * nothing.
	 * @param refundedPayment the payment refunded
	 * @param refund the refund's state
	 * @param now the current time
	 * @return whether the order changed
	 * @throws IllegalOrderTransitionException if it contradicts the order: the order is
	 * not being (or was not) cancelled with a refund of that payment, it awaits another
	 * refund, or a cancellation completed by this refund is told the refund failed
	 */
	public boolean applyRefund(UUID refundedPayment, RefundResult refund, Instant now) {
		if (this.paymentId == null || !this.paymentId.equals(refundedPayment)) {
			throw new IllegalOrderTransitionException(this.status, "record a refund of payment " + refundedPayment);
		}
		if (this.refundId != null && !this.refundId.equals(refund.refundId())) {
			throw new IllegalOrderTransitionException(this.status,
					"record refund " + refund.refundId() + " while awaiting refund " + this.refundId);
		}
		OrderStatus before = this.status;
		switch (this.status) {
			case CANCELLATION_PENDING -> {
				boolean learned = this.refundId == null;
				this.refundId = refund.refundId();
				if (refund.state() == RefundResult.State.SUCCEEDED) {
					this.status = OrderStatus.CANCELLED;
				}
				return touch(before, now) || learned;
			}
			case CANCELLED -> {
				if (this.refundId == null || refund.state() == RefundResult.State.FAILED) {
					throw new IllegalOrderTransitionException(this.status, "record a " + refund.state() + " refund");
				}
				// Late word on the refund that completed this cancellation.
				return false;
			}
			default -> throw new IllegalOrderTransitionException(this.status, "record a refund");
		}
	}

	/**
	 * The cancellation is complete: the refund went through, or no money had been taken.
	 * @param refundId the refund, or {@code null} when there was nothing to refund
	 * @param now the current time
	 * @return whether the order changed
	 */
	public boolean completeCancellation(UUID refundId, Instant now) {
		if (this.status == OrderStatus.CANCELLED) {
			return false;
		}
		if (this.status != OrderStatus.CANCELLATION_PENDING) {
			throw new IllegalOrderTransitionException(this.status, "complete a cancellation");
		}
		this.refundId = refundId;
		this.status = OrderStatus.CANCELLED;
		touch(OrderStatus.CANCELLATION_PENDING, now);
		return true;
	}

	/**
	 * The order could not be completed this time (a dependency was down, the payment's
	 * outcome is still open): reconciliation looks again after the policy's backoff.
	 * Nothing happens to an order that needs no reconciliation.
	 * @param reason why, kept for operators
	 * @param now the current time
	 * @param policy the reconciliation policy
	 */
	public void reconcileLater(String reason, Instant now, RetryPolicy policy) {
		if (this.status.needsReconciliation()) {
			this.reconciliation.failed(reason, now, policy);
		}
	}

	/**
	 * The charge could not be made (the payment service did not answer): reconciliation
	 * looks again after the policy's backoff, and the payment service is asked through an
	 * event to charge it meanwhile. Nothing happens to an order whose payment is no
	 * longer awaited.
	 * @param reason why, kept for operators
	 * @param now the current time
	 * @param policy the reconciliation policy
	 */
	public void requestPaymentLater(String reason, Instant now, RetryPolicy policy) {
		if (this.status == OrderStatus.PAYMENT_PENDING) {
			this.events.add(PaymentRequested.of(this, now));
		}
		reconcileLater(reason, now, policy);
	}

	/**
	 * Makes reconciliation look at this order at the given time (an operator's "retry
	 * now", or a test's).
	 * @param at when reconciliation should look again
	 */
	public void reconcileAgainAt(Instant at) {
		this.reconciliation.dueAgainAt(at);
	}

	/**
	 * @return the order as it stands now
	 */
	public OrderSnapshot snapshot() {
		List<OrderSnapshot.Line> lineSnapshots = this.lines.stream()
			.map(line -> new OrderSnapshot.Line(line.getSku(), line.getProductName(), line.getQuantity(),
					line.unitPrice(this.currency), line.total(this.currency)))
			.toList();
		return new OrderSnapshot(this.id, this.userId, this.status, lineSnapshots, getTotal(), this.paymentMethod,
				this.paymentId, this.declineCode, this.refundId, this.createdAt, this.updatedAt);
	}

	private void requireSame(PaymentResult payment, PaymentResult.State expected, String action) {
		if (payment.state() != expected) {
			throw new IllegalOrderTransitionException(this.status, action);
		}
	}

	private boolean touch(OrderStatus before, Instant now) {
		boolean changed = before != this.status;
		if (changed) {
			this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
			// Every change of state passes here: the events say exactly when an order
			// became paid or cancelled.
			if (this.status == OrderStatus.PAID) {
				this.events.add(OrderPaid.of(this, this.updatedAt));
			}
			else if (this.status == OrderStatus.CANCELLED) {
				this.events.add(OrderCancelled.of(this, this.updatedAt));
			}
		}
		if (!this.status.needsReconciliation()) {
			this.reconciliation.settle();
		}
		return changed;
	}

	/**
	 * @return whether changes since the order was last stored raised events
	 */
	public boolean hasEvents() {
		return !this.events.isEmpty();
	}

	/**
	 * Hands over the events raised since the order was last stored, to be published with
	 * the change that raised them; the order forgets them.
	 * @return the events, oldest first
	 */
	public List<OrderEvent> releaseEvents() {
		List<OrderEvent> released = List.copyOf(this.events);
		this.events.clear();
		return released;
	}

	/**
	 * @return the payment idempotency key: one order, one charge, however often it is
	 * retried
	 */
	public String paymentKey() {
		return "order-" + this.id;
	}

	/**
	 * @return the refund idempotency key of this order's cancellation
	 */
	public String refundKey() {
		return "order-" + this.id + "-cancellation";
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getUserId() {
		return this.userId;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public Money getTotal() {
		return new Money(this.totalAmount, this.currency);
	}

	public String getPaymentMethod() {
		return this.paymentMethod;
	}

	public List<OrderLine> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	public UUID getPaymentId() {
		return this.paymentId;
	}

	public String getDeclineCode() {
		return this.declineCode;
	}

	public UUID getRefundId() {
		return this.refundId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public Instant getReconcileAfter() {
		return this.reconciliation.nextAttemptAt();
	}

	public int getReconcileAttempts() {
		return this.reconciliation.count();
	}

	/**
	 * The stored columns of an order (its lines are stored apart).
	 *
	 * @param id the order
	 * @param userId the customer
	 * @param status its state
	 * @param currency ISO 4217 currency of every amount
	 * @param totalAmount total in minor units
	 * @param paymentMethod the payment method token
	 * @param paymentId the payment, once known
	 * @param declineCode why the payment was declined, if it was
	 * @param refundId the refund of a cancellation, if any
	 * @param createdAt when it was placed
	 * @param updatedAt when its state last changed
	 * @param reconcileAttempts reconciliation attempts so far
	 * @param reconcileAfter when reconciliation looks next, {@code null} when never
	 * @param reconcileFailure why the last attempt did not complete it
	 * @param version the stored version, {@code null} before the first store
	 */
	public record Stored(UUID id, UUID userId, OrderStatus status, String currency, long totalAmount,
			String paymentMethod, UUID paymentId, String declineCode, UUID refundId, Instant createdAt,
			Instant updatedAt, int reconcileAttempts, Instant reconcileAfter, String reconcileFailure, Long version) {
	}

}
