package com.example.platform.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import com.example.platform.testing.docker.DockerOrEmbedded;

import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL server per test JVM: a Testcontainers container when a Docker
 * engine is reachable, otherwise an embedded server started from the binaries on Maven
 * Central.
 * <p>
 * Set {@code -Dplatform.test.postgres=embedded} or {@code =testcontainers} to force a
 * choice.
 */
public final class PostgresServer {

	/**
	 * Image used when Docker is available; same major version as the embedded binaries.
	 */
	static final String IMAGE = "postgres:17-alpine";

	private static final Log logger = LogFactory.getLog(PostgresServer.class);

	private static volatile PostgresServer shared;

	private final String kind;

	private final String adminUrlPrefix;

	private final String adminUser;

	private final String adminPassword;

	private final AtomicInteger databases = new AtomicInteger();

	private PostgresServer(String kind, String adminUrlPrefix, String adminUser, String adminPassword) {
		this.kind = kind;
		this.adminUrlPrefix = adminUrlPrefix;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	/**
	 * The server of this JVM, started on first use and stopped when the JVM exits.
	 * @return the shared server
	 */
	public static PostgresServer shared() {
		PostgresServer server = shared;
		if (server == null) {
			synchronized (PostgresServer.class) {
				server = shared;
				if (server == null) {
					server = start();
					shared = server;
				}
			}
		}
		return server;
	}

	private static PostgresServer start() {
		long started = System.nanoTime();
		PostgresServer server = DockerOrEmbedded.start("postgres", PostgresServer::startContainer,
				PostgresServer::startEmbedded);
		logger
			.info("Test PostgreSQL: %s, ready in %d ms (set -Dplatform.test.postgres=embedded|testcontainers to choose)"
				.formatted(server.kind, (System.nanoTime() - started) / 1_000_000));
		return server;
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
	private static PostgresServer startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withCommand("postgres", "-c", "fsync=off", "-c",
				"max_connections=400");
		container.start();
		String url = container.getJdbcUrl();
		String prefix = url.substring(0, url.lastIndexOf('/') + 1);
		return new PostgresServer("Testcontainers " + IMAGE, prefix, container.getUsername(), container.getPassword());
	}

	private static PostgresServer startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "400")
				.setRegisterShutdownHook(false)
				.start();
			// Stopped after the JVM's application contexts have closed (Boot's shutdown
			// hook runs its handlers last), so no pool or scheduler is cut off mid-query.
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is exiting; the data folder lives under target/ and goes
					// with clean
				}
			});
			String prefix = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
			return new PostgresServer("embedded PostgreSQL (zonky binaries)", prefix, "postgres", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	/**
	 * Creates a fresh database with one schema owned by a fresh login role that can use
	 * nothing else: the same shape as production, where each service owns only its
	 * schema.
	 * @param schema the schema the role owns and has on its search path
	 * @return how to connect as the role, and as the administrator
	 */
	public IsolatedDatabase createIsolatedDatabase(String schema) {
		int n = this.databases.incrementAndGet();
		String database = "test_" + ProcessHandle.current().pid() + "_" + n;
		String role = schema + "_" + n;
		String password = UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = adminConnection("postgres"); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
			statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + database, ex);
		}
		try (Connection admin = adminConnection(database); Statement statement = admin.createStatement()) {
			statement.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
			statement.execute("REVOKE CREATE ON DATABASE " + database + " FROM PUBLIC");
			statement.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare schema " + schema + " in " + database, ex);
		}
		return new IsolatedDatabase(this.adminUrlPrefix + database, role, password, schema, this.adminUser,
				this.adminPassword);
	}

	/**
	 * A connection as the server's superuser, for tests that need to look behind a
	 * service's back.
	 * @param database the database to connect to
	 * @return a new connection; the caller closes it
	 * @throws SQLException if the server refuses
	 */
	public Connection adminConnection(String database) throws SQLException {
		return DriverManager.getConnection(this.adminUrlPrefix + database, this.adminUser, this.adminPassword);
	}

}
