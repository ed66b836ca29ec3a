package com.example.platform.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.example.platform.testing.kafka.RealKafka;
import com.example.platform.testing.postgres.RealPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole user service on a random loopback port, against its own real PostgreSQL
 * database and a real Kafka broker (its outbox publishes there), with one
 * client-credentials client ({@code test-service} / {@code test-secret}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "platform.auth.clients.test-service.secret=test-secret",
				"platform.auth.issuer=http://issuer.test",
				// Races start a dozen registrations at once on a shared build machine;
				// their
				// subject is the unique index, not the hashing bound
				// (PasswordHashingTests).
				"platform.auth.password-hashing.max-wait=30s" })
@RealKafka
@RealPostgres(schema = "users")
public @interface UserServiceIntegrationTest {

}
