package com.example.platform.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.example.platform.testing.jwt.TestTokens;
import com.example.platform.testing.kafka.RealKafka;
import com.example.platform.testing.postgres.RealPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole order service on a random loopback port, against its own real PostgreSQL
 * database, trusting the test token issuer. Reconciliation does not run on its own
 * schedule here: tests run rounds themselves, so nothing happens behind their back.
 * Idempotency leases are short, so tests of a crashed request's takeover are quick.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "platform.orders.reconciliation.interval=1h",
				"platform.orders.reconciliation.initial-delay=1h", "platform.idempotency.lease=4s",
				"platform.idempotency.in-flight-wait=200ms" })
@RealKafka
@RealPostgres(schema = "orders")
@TestTokens
public @interface OrderServiceIntegrationTest {

}
