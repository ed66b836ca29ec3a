package com.example.platform.user;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import com.example.platform.testing.postgres.IsolatedDatabase;
import com.example.platform.testing.postgres.PostgresServer;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The service's database role owns its schema and nothing else, and its migrations need
 * nothing more.
 */
@UserServiceIntegrationTest
class SchemaOwnershipIT {

	@Autowired
	IsolatedDatabase database;

	@Test
	void migrationsRunOnAnEmptyDatabaseAsARoleThatOwnsOnlyItsSchema() {
		IsolatedDatabase empty = PostgresServer.shared().createIsolatedDatabase("users");
		Flyway flyway = Flyway.configure()
			.dataSource(empty.jdbcUrl(), empty.username(), empty.password())
			.schemas("users")
			.defaultSchema("users")
			.createSchemas(false)
			.load();

		MigrateResult first = flyway.migrate();
		assertThat(first.success).isTrue();
		assertThat(first.migrationsExecuted).isPositive();
		assertThat(flyway.migrate().migrationsExecuted).isZero();
		flyway.validate();
	}

	@Test
	void theServiceRoleCanWorkInItsOwnSchema() throws SQLException {
		try (Connection connection = this.database.connectAsService();
				Statement statement = connection.createStatement()) {
			statement.execute("create table users.scratch (id int)");
			statement.execute("drop table users.scratch");
		}
	}

	@Test
	void theServiceRoleCannotCreateObjectsOutsideItsSchema() throws SQLException {
		try (Connection connection = this.database.connectAsService();
				Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("create table public.intruder (id int)"))
				.withMessageContaining("permission denied");
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute("create schema intruder"))
				.withMessageContaining("permission denied");
		}
	}

	@Test
	void theServiceRoleIsDeniedOnAnotherServicesSchema() throws SQLException {
		try (Connection admin = this.database.connectAsAdmin(); Statement statement = admin.createStatement()) {
			statement.execute("create schema if not exists orders");
			statement.execute("create table if not exists orders.orders (id int)");
			statement.execute("insert into orders.orders values (1)");
		}
		try (Connection connection = this.database.connectAsService();
				Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("select * from orders.orders"))
				.withMessageContaining("permission denied for schema orders");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("create table orders.intruder (id int)"))
				.withMessageContaining("permission denied for schema orders");
		}
	}

}
