package com.example.platform.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.example.platform.testing.jwt.TestTokens;
import com.example.platform.testing.kafka.RealKafka;
import com.example.platform.testing.postgres.RealPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole payment service on a random loopback port, against its own real PostgreSQL
 * database, trusting the test token issuer, with the JVM's WireMock {@link PspStub} as
 * the payment provider. Timeouts and resolver timings are shortened so a pending payment
 * is resolved within seconds. {@link ProviderCallWatch} records what each provider call
 * held.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "platform.payments.provider.base-url=${test.psp.base-url}",
				"platform.payments.provider.connect-timeout=500ms", "platform.payments.provider.read-timeout=3s",
				"platform.payments.resolver.interval=200ms", "platform.payments.resolver.first-delay=4s",
				"platform.payments.resolver.backoff=200ms", "platform.payments.resolver.max-backoff=400ms",
				"platform.payments.resolver.max-attempts=3", "platform.idempotency.in-flight-wait=10s" })
@ContextConfiguration(initializers = PspStub.Initializer.class)
@Import(ProviderCallWatch.class)
@RealKafka
@RealPostgres(schema = "payments")
@TestTokens
public @interface PaymentServiceIntegrationTest {

}
