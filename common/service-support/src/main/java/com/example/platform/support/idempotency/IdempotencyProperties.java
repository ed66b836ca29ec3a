package com.example.platform.support.idempotency;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the idempotency mechanism ({@code platform.idempotency.*}). Setting
 * {@code table} turns it on; the service's own Flyway migration creates the table (see
 * {@link IdempotentRequests} for its shape).
 *
 * @param table the table holding the keys, in the service's schema
 * @param lease how long a request holds its key without renewing it; renewed every third
 * of it while the request runs, so only a dead holder loses it, and a retry takes over at
 * most this long after a crash
 * @param inFlightWait how long a retry waits for the first request's answer before
 * answering {@code 409} with {@code Retry-After}
 * @param retention how long answered keys are kept (at least 24 hours: clients retry for
 * a day)
 * @param purgeInterval how often expired keys are deleted
 */
@ConfigurationProperties("platform.idempotency")
public record IdempotencyProperties(String table, @DefaultValue("10s") Duration lease,
		@DefaultValue("2s") Duration inFlightWait, @DefaultValue("48h") Duration retention,
		@DefaultValue("1h") Duration purgeInterval) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	public IdempotencyProperties {
		if (table != null && !IDENTIFIER.matcher(table).matches()) {
			throw new IllegalArgumentException("platform.idempotency.table must be a plain lower-case table name");
		}
		if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("platform.idempotency.lease must be at least 1s");
		}
		if (retention.compareTo(Duration.ofHours(24)) < 0) {
			throw new IllegalArgumentException("platform.idempotency.retention must be at least 24h, not " + retention);
		}
	}

}
