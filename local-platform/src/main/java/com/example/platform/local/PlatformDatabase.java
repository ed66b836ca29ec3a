package com.example.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The platform's PostgreSQL, from the same embedded binaries the tests use: data kept in
 * a folder between runs, one database {@value #DATABASE}, and per service one schema
 * owned by one login role that can use nothing else. Service roles log in with a password
 * (SCRAM), renewed at every start; only the superuser is trusted, and only on loopback.
 */
public final class PlatformDatabase implements AutoCloseable {

	/** The one database of the platform. */
	public static final String DATABASE = "platform";

	private static final String SUPERUSER = "postgres";

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private final Map<String, Credentials> credentials;

	private PlatformDatabase(EmbeddedPostgres postgres, Path dataDirectory, Map<String, Credentials> credentials) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.credentials = credentials;
	}

	/**
	 * Starts PostgreSQL on loopback and makes sure every service's schema and role exist.
	 * @param root where the data ({@code postgres/}), binaries and log go
	 * @param port the port, or 0 for a free one
	 * @param services the services; those with a schema get one
	 * @return the running database
	 */
	public static PlatformDatabase start(Path root, int port, List<ServiceDefinition> services) {
		try {
			Path data = root.resolve("postgres");
			Path binaries = root.resolve("postgres-binaries");
			Path logs = root.resolve("logs");
			Files.createDirectories(binaries);
			Files.createDirectories(logs);
			Path hba = root.resolve("pg_hba.conf");
			Files.writeString(hba, """
					# Written by the local platform at every start.
					# The superuser is trusted on loopback only (the launcher administers the roles);
					# the services' roles need their passwords.
					local   all       postgres                 trust
					host    all       postgres  127.0.0.1/32   trust
					host    all       postgres  ::1/128        trust
					host    %1$s  all       127.0.0.1/32   scram-sha-256
					host    %1$s  all       ::1/128        scram-sha-256
					""".formatted(DATABASE));
			Redirect log = Redirect.appendTo(logs.resolve("postgres.log").toFile());
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setOverrideWorkingDirectory(binaries.toFile())
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setOutputRedirector(log)
				.setErrorRedirector(log)
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("hba_file", hba.toAbsolutePath().toString())
				.setServerConfig("password_encryption", "scram-sha-256")
				.setServerConfig("max_connections", "200");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			PlatformDatabase database = new PlatformDatabase(postgres, data, new LinkedHashMap<>());
			try {
				database.prepare(services);
			}
			catch (RuntimeException ex) {
				database.close();
				throw ex;
			}
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	private void prepare(List<ServiceDefinition> services) {
		try (Connection admin = adminConnection("postgres"); Statement statement = admin.createStatement()) {
			boolean exists;
			try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				exists = rs.next();
			}
			if (!exists) {
				statement.execute("CREATE DATABASE " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + DATABASE, ex);
		}
		try (Connection admin = adminConnection(DATABASE); Statement statement = admin.createStatement()) {
			statement.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
			statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
			for (ServiceDefinition service : services) {
				if (!service.hasDatabase()) {
					continue;
				}
				String role = service.role();
				String password = Secrets.random();
				boolean roleExists;
				try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
					roleExists = rs.next();
				}
				statement.execute((roleExists ? "ALTER" : "CREATE") + " ROLE " + role
						+ " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
				statement.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + role);
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + service.schema() + " AUTHORIZATION " + role);
				statement.execute("REVOKE ALL ON SCHEMA " + service.schema() + " FROM PUBLIC");
				statement.execute(
						"ALTER ROLE " + role + " IN DATABASE " + DATABASE + " SET search_path = " + service.schema());
				this.credentials.put(service.name(), new Credentials(role, password, service.schema()));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the services' schemas and roles", ex);
		}
	}

	/**
	 * Proves that each service's role is refused on every other service's schema and on
	 * {@code public}: it tries to create a table there and expects "permission denied".
	 * @return one line per check, for the start-up report
	 * @throws IllegalStateException if any role could write where it must not
	 */
	public List<String> verifyIsolation() {
		List<String> results = new ArrayList<>();
		for (Map.Entry<String, Credentials> entry : this.credentials.entrySet()) {
			Credentials own = entry.getValue();
			List<String> foreign = new ArrayList<>();
			foreign.add("public");
			this.credentials.values()
				.stream()
				.map(Credentials::schema)
				.filter(schema -> !schema.equals(own.schema()))
				.forEach(foreign::add);
			try (Connection connection = connectAs(entry.getKey());
					Statement statement = connection.createStatement()) {
				for (String schema : foreign) {
					try {
						statement.execute("CREATE TABLE " + schema + ".isolation_probe (id int)");
						statement.execute("DROP TABLE " + schema + ".isolation_probe");
						throw new IllegalStateException(
								"Role " + own.role() + " could create a table in schema " + schema + "; it must not");
					}
					catch (SQLException expected) {
						if (!"42501".equals(expected.getSQLState())) {
							throw new IllegalStateException("Unexpected error probing " + schema, expected);
						}
					}
				}
				results.add(own.role() + " owns " + own.schema() + ", denied on " + String.join(", ", foreign));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Role " + own.role() + " cannot log in", ex);
			}
		}
		return results;
	}

	/**
	 * @param service a service name
	 * @return its role, password and schema, if it has a database
	 */
	public Optional<Credentials> credentials(String service) {
		return Optional.ofNullable(this.credentials.get(service));
	}

	/**
	 * @return every service's login, by service name
	 */
	public Map<String, Credentials> logins() {
		return Map.copyOf(this.credentials);
	}

	/**
	 * @return the JDBC URL of the platform database
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/" + DATABASE;
	}

	/**
	 * @return the port PostgreSQL listens on
	 */
	public int port() {
		return this.postgres.getPort();
	}

	/**
	 * @param service a service with a schema
	 * @return a new connection as that service's role; the caller closes it
	 * @throws SQLException if the server refuses
	 */
	public Connection connectAs(String service) throws SQLException {
		Credentials credentials = credentials(service)
			.orElseThrow(() -> new IllegalArgumentException(service + " has no database"));
		return DriverManager.getConnection(jdbcUrl(), credentials.role(), credentials.password());
	}

	/**
	 * @param database the database
	 * @return a new superuser connection; the caller closes it
	 * @throws SQLException if the server refuses
	 */
	public Connection adminConnection(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + this.postgres.getPort() + "/" + database,
				SUPERUSER, "");
	}

	/**
	 * @return the postmaster's process id, read from its pid file
	 */
	public OptionalLong postmasterPid() {
		return readPostmasterPid(this.dataDirectory);
	}

	static OptionalLong readPostmasterPid(Path dataDirectory) {
		try {
			Path pidFile = dataDirectory.resolve("postmaster.pid");
			if (!Files.isRegularFile(pidFile)) {
				return OptionalLong.empty();
			}
			return OptionalLong.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Stops PostgreSQL (fast shutdown) and releases its lock.
	 */
	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop PostgreSQL", ex);
		}
	}

	/**
	 * A service's database login.
	 *
	 * @param role the login role
	 * @param password its password for this run
	 * @param schema the schema it owns
	 */
	public record Credentials(String role, String password, String schema) {

		@Override
		public String toString() {
			return "Credentials[" + this.role + " on " + this.schema + "]";
		}

	}

}
