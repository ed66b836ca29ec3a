package com.example.platform.payment;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.PaymentSnapshot;
import com.example.platform.payment.payments.PaymentStatus;
import com.example.platform.payment.refunds.RefundSnapshot;
import com.example.platform.payment.refunds.RefundStatus;
import com.example.platform.testing.postgres.IsolatedDatabase;
import com.example.platform.testing.postgres.PostgresServer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving from the service's own idempotency table to the mechanism's keeps every key in
 * use: a client retrying across the deployment gets its first answer, or takes over a
 * request that was in flight, and is never charged twice.
 */
class IdempotencyMigrationIT {

	private static final UUID APPROVED = UUID.fromString("00000000-0000-4000-8000-000000000001");

	private static final UUID IN_FLIGHT = UUID.fromString("00000000-0000-4000-8000-000000000002");

	private static final UUID REFUND = UUID.fromString("00000000-0000-4000-8000-000000000003");

	private final JsonMapper json = AnswerJson.mapper();

	@Test
	void keysInUseKeepTheirAnswerOrCanBeTakenOver() {
		DriverManagerDataSource dataSource = dataSource(PostgresServer.shared().createIsolatedDatabase("payments"));
		JdbcClient jdbc = JdbcClient.create(dataSource);
		migrate(dataSource, "1");
		jdbc.sql("""
				insert into payment (id, order_id, user_id, amount, currency, payment_method, status,
				  provider_charge_id, attempts, created_at, updated_at)
				values (?, gen_random_uuid(), gen_random_uuid(), 2500, 'EUR', 'tok_visa', 'APPROVED', 'ch_1', 1,
				  '2026-11-25T10:00:00.12Z', now()),
				  (?, gen_random_uuid(), gen_random_uuid(), 900, 'USD', 'tok_visa', 'PENDING', null, 0,
				  '2026-11-25T11:00:00Z', now())""").params(APPROVED, IN_FLIGHT).update();
		jdbc.sql("""
				insert into refund (id, payment_id, amount, currency, status, provider_refund_id, created_at,
				  updated_at)
				values (?, ?, 700, 'EUR', 'SUCCEEDED', 're_1', now(), now())""").params(REFUND, APPROVED).update();
		jdbc.sql("""
				insert into idempotency_record (caller, idempotency_key, fingerprint, state, resource_type,
				  resource_id, response_status, response_code, created_at, completed_at)
				values ('order-service', 'answered', 'f1', 'COMPLETED', 'PAYMENT', ?, 'PENDING', null,
				  now() - interval '1 hour', now()),
				  ('order-service', 'in-flight', 'f2', 'IN_FLIGHT', 'PAYMENT', ?, null, null, now(), null),
				  ('order-service', 'refund', 'f3', 'COMPLETED', 'REFUND', ?, 'PENDING', null, now(), now()),
				  ('order-service', 'orphan', 'f4', 'IN_FLIGHT', 'PAYMENT', gen_random_uuid(), null, null, now(),
				  null)""").params(APPROVED, IN_FLIGHT, REFUND).update();

		migrate(dataSource, "latest");

		assertThat(jdbc.sql("select to_regclass('payments.idempotency_record') is null").query(Boolean.class).single())
			.isTrue();
		Map<String, Map<String, Object>> keys = jdbc
			.sql("select idem_key, scope, fingerprint, lease_until < now() as expired, resource_id, answer"
					+ " from idempotent_request")
			.query()
			.listOfRows()
			.stream()
			.collect(Collectors.toMap(row -> (String) row.get("idem_key"), row -> row));
		assertThat(keys).containsOnlyKeys("answered", "in-flight", "refund");
		// Answered as first answered: PENDING, although the payment is approved now.
		Map<String, Object> answered = keys.get("answered");
		assertThat(answered).containsEntry("scope", "order-service")
			.containsEntry("fingerprint", "f1")
			.containsEntry("resource_id", APPROVED);
		PaymentSnapshot payment = this.json.readValue((String) answered.get("answer"), PaymentSnapshot.class);
		assertThat(payment.id()).isEqualTo(APPROVED);
		assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.amount()).isEqualTo(new Money(2500, "EUR"));
		assertThat(payment.declineCode()).isNull();
		assertThat(payment.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00.12Z"));
		// In flight: no answer, a lease that ran out, linked to its payment.
		assertThat(keys.get("in-flight")).containsEntry("answer", null)
			.containsEntry("expired", true)
			.containsEntry("resource_id", IN_FLIGHT);
		RefundSnapshot refund = this.json.readValue((String) keys.get("refund").get("answer"), RefundSnapshot.class);
		assertThat(refund).isEqualTo(new RefundSnapshot(REFUND, APPROVED, new Money(700, "EUR"), RefundStatus.PENDING));
	}

	private static DriverManagerDataSource dataSource(IsolatedDatabase database) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
				database.password());
		Properties properties = new Properties();
		properties.setProperty("currentSchema", database.schema());
		dataSource.setConnectionProperties(properties);
		return dataSource;
	}

	private static void migrate(DriverManagerDataSource dataSource, String target) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas("payments")
			.defaultSchema("payments")
			.createSchemas(false)
			.locations("classpath:db/migration")
			.target(target)
			.load()
			.migrate();
	}

}
