package com.example.platform.order.contract;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.order.catalog.ProductRepository;
import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderLines;
import com.example.platform.order.ordering.OrderRepository;
import com.example.platform.order.ordering.OrderRules.RequestedLine;
import com.example.platform.order.ordering.OrderService;
import com.example.platform.order.ordering.OrderSnapshot;
import com.example.platform.order.ordering.OrderStatus;
import com.example.platform.order.ordering.Orders;
import com.example.platform.support.idempotency.Claim;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotencyProperties;
import com.example.platform.support.idempotency.IdempotentRequest;
import com.example.platform.support.idempotency.IdempotentRequests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client retries with the same {@code Idempotency-Key} after the instance handling its
 * order died mid-request. The dying instance is a second {@link IdempotentRequests} on
 * the same database whose request never finishes and whose lease is no longer renewed,
 * which is what a SIGKILL leaves behind. The retry is told to come back
 * ({@code 409 request-in-flight} with {@code Retry-After}) until the dead holder's lease
 * runs out, then takes the request over: a new order if the dead one stored nothing, the
 * stored order completed if it had stored one — never a second order.
 */
class CrashedOrderRequestIT extends WithProviderStubs {

	private static final List<RequestedLine> LINES = List.of(new RequestedLine("COFFEE-BEANS-1KG", 2),
			new RequestedLine("ESPRESSO-CUP", 1));

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	IdempotencyProperties idempotency;

	@Autowired
	OrderRepository orders;

	@Autowired
	ProductRepository products;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aRetryAfterACrashBeforeTheOrderWasStoredPlacesItOnceTheLeaseRunsOut() throws Exception {
		String key = UUID.randomUUID().toString();
		try (DyingInstance dying = new DyingInstance()) {
			dying.holdUntilKilled(key, claim -> null);

			EntityExchangeResult<Map<String, Object>> first = place(key);
			assertThat(first.getStatus()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(first.getResponseBody()).containsEntry("type",
					"https://platform.example/problems/request-in-flight");
			long retryAfter = Long.parseLong(first.getResponseHeaders().getFirst("Retry-After"));
			assertThat(retryAfter).isBetween(1L, this.idempotency.lease().toSeconds());

			Map<String, Object> order = retryUntilAnswered(key, retryAfter);

			assertThat(order).containsEntry("status", "PAID");
			assertThat(chargesFor(order.get("id").toString())).isEqualTo(1);
			// and a further retry replays the same order
			assertThat(place(key).getResponseBody()).containsEntry("id", order.get("id"));
		}
	}

	@Test
	void aRetryAfterACrashAfterTheOrderWasStoredCompletesThatOrder() throws Exception {
		String key = UUID.randomUUID().toString();
		AtomicReference<UUID> stored = new AtomicReference<>();
		try (DyingInstance dying = new DyingInstance()) {
			dying.holdUntilKilled(key, claim -> {
				Order order = Order.place(UUID.fromString(ProviderStubs.KNOWN_USER),
						List.of(OrderLines.of(this.products.findById("COFFEE-BEANS-1KG").orElseThrow(), 2),
								OrderLines.of(this.products.findById("ESPRESSO-CUP").orElseThrow(), 1)),
						"EUR", "tok_visa", java.time.Instant.now(), Orders.RECONCILIATION);
				this.transactions.executeWithoutResult(status -> {
					this.orders.save(order);
					claim.link(order.getId());
				});
				stored.set(order.getId());
				return null;
			});

			EntityExchangeResult<Map<String, Object>> first = place(key);
			assertThat(first.getStatus()).isEqualTo(HttpStatus.CONFLICT);

			Map<String, Object> order = retryUntilAnswered(key,
					Long.parseLong(first.getResponseHeaders().getFirst("Retry-After")));

			assertThat(order).containsEntry("id", stored.get().toString()).containsEntry("status", "PAID");
			assertThat(this.orders.findById(stored.get()).orElseThrow().getStatus()).isEqualTo(OrderStatus.PAID);
			// Completed as reconciliation would: the payment service's stub lists an
			// approved payment for the order, so it is recorded without a new charge;
			// never more than one.
			assertThat(chargesFor(stored.get().toString())).isLessThanOrEqualTo(1);
		}
	}

	private Map<String, Object> retryUntilAnswered(String key, long retryAfterSeconds) {
		long crashedAt = System.nanoTime();
		AtomicReference<EntityExchangeResult<Map<String, Object>>> answer = new AtomicReference<>();
		await().atMost(this.idempotency.lease().multipliedBy(5))
			.pollDelay(Duration.ofSeconds(retryAfterSeconds))
			.pollInterval(Duration.ofSeconds(retryAfterSeconds))
			.until(() -> {
				answer.set(place(key));
				return answer.get().getStatus() != HttpStatus.CONFLICT;
			});
		System.out.printf("Crashed order request: answered %s %d ms after the first retry (lease %s)%n",
				answer.get().getStatus(), (System.nanoTime() - crashedAt) / 1_000_000, this.idempotency.lease());
		assertThat(answer.get().getStatus()).isEqualTo(HttpStatus.CREATED);
		return answer.get().getResponseBody();
	}

	private EntityExchangeResult<Map<String, Object>> place(String key) {
		return place(ProviderStubs.KNOWN_USER, key, "tok_visa")
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult();
	}

	/**
	 * Another instance of the service, holding a key when it is killed: its request never
	 * finishes, and nothing renews its lease any more.
	 */
	private final class DyingInstance implements AutoCloseable {

		private final IdempotentRequests requests = new IdempotentRequests(CrashedOrderRequestIT.this.jdbc,
				CrashedOrderRequestIT.this.json, Clock.systemUTC(), CrashedOrderRequestIT.this.idempotency);

		private final CountDownLatch killed = new CountDownLatch(1);

		private Thread request;

		void holdUntilKilled(String key, Function<Claim, Void> beforeDying) throws InterruptedException {
			IdempotentRequest placement = OrderService.placement(UUID.fromString(ProviderStubs.KNOWN_USER),
					new IdempotencyKey(key), LINES, "tok_visa");
			CountDownLatch holding = new CountDownLatch(1);
			this.request = Thread.ofVirtual().start(() -> {
				try {
					this.requests.execute(placement, OrderSnapshot.class, claim -> {
						beforeDying.apply(claim);
						holding.countDown();
						try {
							this.killed.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						throw new IllegalStateException("killed");
					});
				}
				catch (RuntimeException ex) {
					// the killed request's thread ends here; its process would be gone
				}
			});
			holding.await();
			// SIGKILL: from now on no lease renewal, no answer
			this.requests.close();
		}

		@Override
		public void close() throws InterruptedException {
			this.killed.countDown();
			this.request.join();
		}

	}

}
