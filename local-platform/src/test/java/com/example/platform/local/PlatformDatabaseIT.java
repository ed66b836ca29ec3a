package com.example.platform.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The platform database: a schema and a login role per service, each role confined to its
 * schema, passwords required, data kept across a restart.
 */
class PlatformDatabaseIT {

	private static final List<ServiceDefinition> services = List.of(
			ServiceDefinition.withSchema("user-service", 1, "users"),
			ServiceDefinition.withSchema("order-service", 2, "orders"), ServiceDefinition.withoutDatabase("gw", 3));

	private final Path root = Path.of("target", "platform-database-it").toAbsolutePath();

	@Test
	void confinesEachRoleToItsOwnSchemaAndKeepsDataAcrossARestart() throws SQLException {
		LocalPlatform.deleteRecursively(this.root);
		String oldPassword;
		try (PlatformDatabase database = PlatformDatabase.start(this.root, 0, services)) {
			assertThat(database.credentials("gw")).isEmpty();
			try (Connection orders = database.connectAs("order-service");
					Statement statement = orders.createStatement()) {
				statement.execute("CREATE TABLE orders.placed (id int)");
				statement.execute("INSERT INTO placed VALUES (7)");
			}
			try (Connection users = database.connectAs("user-service"); Statement statement = users.createStatement()) {
				statement.execute("CREATE TABLE account (id int)");
				assertThat(sqlState(() -> statement.executeQuery("SELECT * FROM orders.placed"))).isEqualTo("42501");
				assertThat(sqlState(() -> statement.execute("CREATE TABLE orders.intruder (id int)")))
					.isEqualTo("42501");
				assertThat(sqlState(() -> statement.execute("CREATE TABLE public.intruder (id int)")))
					.isEqualTo("42501");
				assertThat(sqlState(() -> statement.execute("CREATE SCHEMA mine"))).isEqualTo("42501");
			}
			assertThat(database.verifyIsolation()).containsExactly("user_service owns users, denied on public, orders",
					"order_service owns orders, denied on public, users");
			oldPassword = database.credentials("user-service").orElseThrow().password();
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "user_service", "wrong").close())
				.satisfies(ex -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
		}
		try (PlatformDatabase database = PlatformDatabase.start(this.root, 0, services)) {
			try (Connection orders = database.connectAs("order-service");
					Statement statement = orders.createStatement();
					ResultSet rows = statement.executeQuery("SELECT id FROM placed")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(7);
			}
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "user_service", oldPassword).close())
				.satisfies(ex -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
		}
		assertThat(PlatformDatabase.readPostmasterPid(this.root.resolve("postgres"))).isEmpty();
	}

	private static String sqlState(SqlAction action) {
		try {
			action.run();
			return "no error";
		}
		catch (SQLException ex) {
			return ex.getSQLState();
		}
	}

	@FunctionalInterface
	private interface SqlAction {

		void run() throws SQLException;

	}

}
