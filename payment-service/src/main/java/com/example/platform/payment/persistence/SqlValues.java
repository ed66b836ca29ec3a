package com.example.platform.payment.persistence;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Parameters and columns the stores share. Parameters that may be null are typed: the
 * driver is told the type, so it never asks the database for it.
 */
final class SqlValues {

	private SqlValues() {
	}

	static SqlParameterValue ts(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP, (instant != null) ? Timestamp.from(instant) : null);
	}

	static SqlParameterValue text(String text) {
		return new SqlParameterValue(Types.VARCHAR, text);
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
