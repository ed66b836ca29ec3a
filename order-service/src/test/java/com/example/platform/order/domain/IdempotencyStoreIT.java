package com.example.platform.order.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.example.platform.order.OrderServiceIntegrationTest;
import com.example.platform.order.domain.IdempotencyStore.Claim;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database, not memory, decides who owns an idempotency key.
 */
@OrderServiceIntegrationTest
class IdempotencyStoreIT {

	@Autowired
	IdempotencyStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void letsExactlyOneOfManyConcurrentRequestsWithOneKeyProceed() throws Exception {
		UUID user = UUID.randomUUID();
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Claim>> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			requests.add(() -> {
				start.await();
				return this.store.begin(user, "same-key", "fingerprint");
			});
		}
		List<Claim> claims = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
			List<Future<Claim>> futures = requests.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<Claim> future : futures) {
				claims.add(future.get());
			}
		}
		assertThat(claims).filteredOn(Claim.Started.class::isInstance).hasSize(1);
		assertThat(claims).filteredOn(Claim.InFlight.class::isInstance).hasSize(19);
	}

	@Test
	void replaysACompletedRequestAndRefusesADifferentOne() {
		UUID user = UUID.randomUUID();
		assertThat(this.store.begin(user, "k", "A")).isInstanceOf(Claim.Started.class);
		this.store.complete(user, "k", 201, "{\"id\":\"x\"}");
		assertThat(this.store.begin(user, "k", "A")).isEqualTo(new Claim.Replay(201, "{\"id\":\"x\"}"));
		assertThat(this.store.begin(user, "k", "B")).isInstanceOf(Claim.Mismatch.class);
	}

	@Test
	void scopesKeysToTheCaller() {
		assertThat(this.store.begin(UUID.randomUUID(), "shared", "A")).isInstanceOf(Claim.Started.class);
		assertThat(this.store.begin(UUID.randomUUID(), "shared", "B")).isInstanceOf(Claim.Started.class);
	}

	@Test
	void freesAKeyWhoseRequestStoredNothing() {
		UUID user = UUID.randomUUID();
		this.store.begin(user, "k", "A");
		this.store.release(user, "k");
		assertThat(this.store.begin(user, "k", "B")).isInstanceOf(Claim.Started.class);
	}

	@Test
	void answersAnAbandonedRequestWithItsOrderOrTakesItsKeyOver() {
		UUID user = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		this.store.begin(user, "with-order", "A");
		this.store.linkOrder(user, "with-order", orderId);
		this.store.begin(user, "without-order", "A");
		this.jdbc.sql("update idempotency_key set created_at = created_at - interval '1 hour' where user_id = ?")
			.param(user)
			.update();

		assertThat(this.store.begin(user, "with-order", "A")).isEqualTo(new Claim.Resume(orderId));
		assertThat(this.store.begin(user, "without-order", "A")).isInstanceOf(Claim.Started.class);
		assertThat(this.store.begin(user, "without-order", "A")).isInstanceOf(Claim.InFlight.class);
	}

}
