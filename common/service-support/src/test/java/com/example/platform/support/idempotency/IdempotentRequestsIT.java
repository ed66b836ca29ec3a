package com.example.platform.support.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.testing.postgres.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The idempotency mechanism against a real PostgreSQL: the database, not memory, decides
 * who holds a key, and a dead holder's key is taken over once its lease runs out.
 */
@SpringBootTest(classes = IdempotentRequestsIT.Application.class,
		properties = { "spring.datasource.hikari.schema=idem", "platform.idempotency.table=idempotent_request",
				"platform.idempotency.lease=2s", "platform.idempotency.in-flight-wait=1s" })
@RealPostgres(schema = "idem")
class IdempotentRequestsIT {

	@Autowired
	IdempotentRequests requests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	IdempotencyProperties properties;

	private final String scope = UUID.randomUUID().toString();

	@BeforeEach
	void createTheServicesTable() {
		// What a service's own migration creates (see IdempotentRequests).
		this.jdbc.sql("""
				create table if not exists idempotent_request (
				    scope varchar(255) not null, idem_key varchar(255) not null, fingerprint varchar(64) not null,
				    owner uuid not null, lease_until timestamptz, resource_id uuid, answer text,
				    created_at timestamptz not null, completed_at timestamptz, primary key (scope, idem_key))""")
			.update();
	}

	@Test
	void runsTheWorkOnceForManyConcurrentRequestsWithOneKeyAndAnswersThemAllAlike() throws Exception {
		IdempotentRequest request = IdempotentRequest.of(this.scope, "same-key", "pay", 100);
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Answer>> callers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			callers.add(() -> {
				start.await();
				return this.requests.execute(request, Answer.class, claim -> {
					runs.incrementAndGet();
					return new Answer(UUID.randomUUID(), "APPROVED");
				});
			});
		}
		List<Answer> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			List<Future<Answer>> futures = callers.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<Answer> future : futures) {
				answers.add(future.get());
			}
		}
		assertThat(runs).hasValue(1);
		assertThat(answers).hasSize(16).containsOnly(answers.get(0));
	}

	@Test
	void replaysTheFirstAnswerAndRefusesTheKeyForAnotherRequest() {
		Answer first = this.requests.execute(IdempotentRequest.of(this.scope, "k", "pay", 100), Answer.class,
				claim -> new Answer(UUID.randomUUID(), "DECLINED"));
		Answer replay = this.requests.execute(IdempotentRequest.of(this.scope, "k", "pay", 100), Answer.class,
				claim -> {
					throw new AssertionError("a replay must not run the work");
				});
		assertThat(replay).isEqualTo(first);
		assertThatExceptionOfType(IdempotencyKeyReusedException.class).isThrownBy(() -> this.requests
			.execute(IdempotentRequest.of(this.scope, "k", "pay", 999), Answer.class, claim -> first));
	}

	@Test
	void scopesKeysToTheCaller() {
		Answer mine = this.requests.execute(IdempotentRequest.of(this.scope, "shared", "pay", 1), Answer.class,
				claim -> new Answer(UUID.randomUUID(), "A"));
		Answer theirs = this.requests.execute(IdempotentRequest.of(UUID.randomUUID().toString(), "shared", "pay", 2),
				Answer.class, claim -> new Answer(UUID.randomUUID(), "B"));
		assertThat(theirs).isNotEqualTo(mine);
	}

	@Test
	void freesTheKeyWhenTheWorkFailsBeforeCreatingAnything() {
		IdempotentRequest request = IdempotentRequest.of(this.scope, "refused", "pay", 1);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.requests.execute(request, Answer.class, claim -> {
				throw new IllegalStateException("dependency down");
			}));
		Answer retried = this.requests.execute(request, Answer.class, claim -> {
			assertThat(claim.takenOver()).isFalse();
			assertThat(claim.resourceId()).isEmpty();
			return new Answer(UUID.randomUUID(), "APPROVED");
		});
		assertThat(retried.status()).isEqualTo("APPROVED");
	}

	@Test
	void letsARetryTakeOverAtOnceWhenTheWorkFailedAfterCreatingItsResource() {
		IdempotentRequest request = IdempotentRequest.of(this.scope, "half-done", "pay", 1);
		UUID resource = UUID.randomUUID();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.requests.execute(request, Answer.class, claim -> {
				claim.link(resource);
				throw new IllegalStateException("unexpected");
			}));
		Answer retried = this.requests.execute(request, Answer.class, claim -> {
			assertThat(claim.takenOver()).isTrue();
			assertThat(claim.resourceId()).contains(resource);
			return new Answer(resource, "APPROVED");
		});
		assertThat(retried.id()).isEqualTo(resource);
	}

	@Test
	void keepsTheKeyOfALongRequestByRenewingItsLease() throws Exception {
		IdempotentRequest request = IdempotentRequest.of(this.scope, "slow", "pay", 1);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		Thread slow = Thread.ofVirtual().start(() -> this.requests.execute(request, Answer.class, claim -> {
			running.countDown();
			await().until(() -> finish.getCount() == 0);
			return new Answer(UUID.randomUUID(), "APPROVED");
		}));
		running.await();
		long leaseEnds = System.nanoTime() + this.properties.lease().toNanos();
		// Well past the first lease, the holder still holds the key.
		await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() > leaseEnds + 1_000_000_000L);
		assertThatExceptionOfType(RequestInFlightException.class)
			.isThrownBy(() -> this.requests.execute(request, Answer.class, claim -> {
				throw new AssertionError("the holder is alive: no takeover");
			}))
			.satisfies(ex -> assertThat(ex.retryAfterSeconds()).isBetween(1L, 2L));
		finish.countDown();
		slow.join();
	}

	@Test
	void takesOverTheKeyOfAHolderThatDiedOnceItsLeaseRunsOut() throws Exception {
		IdempotentRequest request = IdempotentRequest.of(this.scope, "crashed", "pay", 1);
		UUID created = UUID.randomUUID();
		IdempotentRequests dyingInstance = new IdempotentRequests(this.jdbc, this.json, Clock.systemUTC(),
				this.properties);
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch killed = new CountDownLatch(1);
		Thread dying = Thread.ofVirtual().start(() -> {
			try {
				dyingInstance.execute(request, Answer.class, claim -> {
					claim.link(created);
					holding.countDown();
					await().until(() -> killed.getCount() == 0);
					throw new IllegalStateException("killed");
				});
			}
			catch (RuntimeException ex) {
				// a killed process runs nothing after this point
			}
		});
		holding.await();
		dyingInstance.close(); // SIGKILL: no lease renewal from now on

		RequestInFlightException inFlight = null;
		try {
			this.requests.execute(request, Answer.class, claim -> new Answer(created, "NEVER"));
		}
		catch (RequestInFlightException ex) {
			inFlight = ex;
		}
		assertThat(inFlight).as("first retry while the dead holder's lease is live").isNotNull();
		long start = System.nanoTime();
		AtomicReference<Answer> answer = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofSeconds(inFlight.retryAfterSeconds()))
			.ignoreException(RequestInFlightException.class)
			.until(() -> {
				answer.set(this.requests.execute(request, Answer.class, claim -> {
					assertThat(claim.takenOver()).isTrue();
					assertThat(claim.resourceId()).contains(created);
					return new Answer(claim.resourceId().orElseThrow(), "APPROVED");
				}));
				return true;
			});
		assertThat(answer.get()).isEqualTo(new Answer(created, "APPROVED"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		killed.countDown();
		dying.join();
		// the dead holder's late failure changes nothing: the answer stays
		assertThat(this.requests.execute(request, Answer.class, claim -> new Answer(created, "OTHER")))
			.isEqualTo(new Answer(created, "APPROVED"));
	}

	@Test
	void purgesKeysPastTheRetention() {
		this.requests.execute(IdempotentRequest.of(this.scope, "old", "pay", 1), Answer.class,
				claim -> new Answer(UUID.randomUUID(), "APPROVED"));
		this.requests.execute(IdempotentRequest.of(this.scope, "new", "pay", 1), Answer.class,
				claim -> new Answer(UUID.randomUUID(), "APPROVED"));
		this.jdbc
			.sql("update idempotent_request set created_at = created_at - interval '49 hours' "
					+ "where scope = ? and idem_key = 'old'")
			.param(this.scope)
			.update();

		assertThat(this.requests.purgeExpired()).isGreaterThanOrEqualTo(1);

		assertThat(this.jdbc.sql("select idem_key from idempotent_request where scope = ?")
			.param(this.scope)
			.query(String.class)
			.list()).containsExactly("new");
	}

	/**
	 * An answer as a service would store it.
	 *
	 * @param id the resource
	 * @param status its state
	 */
	record Answer(UUID id, String status) {
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			JdbcClientAutoConfiguration.class, JacksonAutoConfiguration.class, IdempotencyAutoConfiguration.class })
	static class Application {

	}

}
