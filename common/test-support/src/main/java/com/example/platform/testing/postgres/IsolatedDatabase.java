package com.example.platform.testing.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of its own for one Spring test context, reached as a role that owns only
 * {@link #schema()}.
 *
 * @param jdbcUrl the JDBC URL of the database
 * @param username the role the application connects as
 * @param password the role's password
 * @param schema the only schema the role owns
 * @param adminUsername the server's superuser
 * @param adminPassword the superuser's password
 */
public record IsolatedDatabase(String jdbcUrl, String username, String password, String schema, String adminUsername,
		String adminPassword) {

	/**
	 * Connects as the application's role.
	 * @return a new connection; the caller closes it
	 * @throws SQLException if the server refuses
	 */
	public Connection connectAsService() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
	}

	/**
	 * Connects as the superuser, to arrange what the service's role must not be able to
	 * touch.
	 * @return a new connection; the caller closes it
	 * @throws SQLException if the server refuses
	 */
	public Connection connectAsAdmin() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.adminUsername, this.adminPassword);
	}

	@Override
	public String toString() {
		return "IsolatedDatabase[" + this.jdbcUrl + " as " + this.username + "]";
	}

}
