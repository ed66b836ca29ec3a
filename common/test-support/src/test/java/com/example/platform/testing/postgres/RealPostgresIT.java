package com.example.platform.testing.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The support gives each application context its own database on the JVM's one server,
 * reached as a role confined to its schema.
 */
class RealPostgresIT {

	/** Databases handed to the nested contexts: each must be new. */
	static final java.util.Set<String> CONTEXT_DATABASES = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@Test
	void startsOneServerPerJvm() {
		assertThat(PostgresServer.shared()).isSameAs(PostgresServer.shared());
	}

	@Test
	void givesEveryCallADatabaseOfItsOwn() throws SQLException {
		IsolatedDatabase first = PostgresServer.shared().createIsolatedDatabase("alpha");
		IsolatedDatabase second = PostgresServer.shared().createIsolatedDatabase("alpha");
		assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
		assertThat(first.username()).isNotEqualTo(second.username());
		try (Connection connection = first.connectAsService(); Statement statement = connection.createStatement()) {
			statement.execute("create table alpha.marker (id int)");
		}
		try (Connection connection = second.connectAsService(); Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.executeQuery("select * from alpha.marker"))
				.withMessageContaining("does not exist");
		}
	}

	@Test
	void confinesTheRoleToItsSchema() throws SQLException {
		IsolatedDatabase database = PostgresServer.shared().createIsolatedDatabase("beta");
		try (Connection connection = database.connectAsService(); Statement statement = connection.createStatement()) {
			statement.execute("create table beta.t (id int)");
			try (ResultSet result = statement.executeQuery("select count(*) from beta.t")) {
				result.next();
				assertThat(result.getInt(1)).isZero();
			}
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("create table public.t (id int)"))
				.withMessageContaining("permission denied");
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute("create schema gamma"))
				.withMessageContaining("permission denied");
		}
	}

	@SpringJUnitConfig
	@RealPostgres(schema = "first")
	@Nested
	class FirstContext {

		@Autowired
		IsolatedDatabase database;

		@Test
		void getsItsOwnDatabase() {
			assertThat(this.database.schema()).isEqualTo("first");
			assertThat(CONTEXT_DATABASES.add(this.database.jdbcUrl())).isTrue();
		}

	}

	@SpringJUnitConfig
	@RealPostgres(schema = "second")
	@Nested
	class SecondContext {

		@Autowired
		IsolatedDatabase database;

		@Test
		void getsAnotherDatabase() {
			assertThat(this.database.schema()).isEqualTo("second");
			assertThat(this.database.jdbcUrl())
				.isNotEqualTo(PostgresServer.shared().createIsolatedDatabase("x").jdbcUrl());
		}

	}

}
