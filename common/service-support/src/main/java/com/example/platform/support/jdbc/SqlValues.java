package com.example.platform.support.jdbc;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Parameters and columns the services' SQL stores share. Parameters that may be null are
 * typed: the driver is told the type, so it never asks the database for it.
 */
public final class SqlValues {

	private SqlValues() {
	}

	/**
	 * @param instant a point in time, or {@code null}
	 * @return it as a {@code timestamptz} parameter
	 */
	public static SqlParameterValue ts(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP, (instant != null) ? Timestamp.from(instant) : null);
	}

	/**
	 * @param uuid an id, or {@code null}
	 * @return it as a {@code uuid} parameter
	 */
	public static SqlParameterValue uuid(UUID uuid) {
		return new SqlParameterValue(Types.OTHER, uuid);
	}

	/**
	 * @param text a text, or {@code null}
	 * @return it as a {@code varchar} parameter
	 */
	public static SqlParameterValue text(String text) {
		return new SqlParameterValue(Types.VARCHAR, text);
	}

	/**
	 * @param timestamp a column read with {@code getTimestamp}, or {@code null}
	 * @return it as an instant
	 */
	public static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
