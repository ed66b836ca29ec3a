package com.example.platform.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformDatabase;

/**
 * What the events did during a load run, read after it: from each publishing service's
 * outbox (its own {@code event_publication} table, read as its own role) the events
 * stored since the run began, how long each took from its commit to the broker's
 * acknowledgement, and the rate the outbox sustained; from each consuming service's
 * {@code events.consumed.latency} timer (its Prometheus endpoint on the management port)
 * how long each type took from its occurrence to the consumer's effect.
 */
final class EventFigures {

	private static final List<String> SERVICES = List.of("user-service", "order-service", "payment-service");

	/** A bucket of the consumer timer's histogram, with its topic, type and bound. */
	private static final Pattern BUCKET = Pattern.compile(
			"^events_consumed_latency_seconds_bucket\\{(?<labels>[^}]*)\\}\\s+(?<value>[0-9.eE+-]+)$",
			Pattern.MULTILINE);

	private final List<Published> published;

	private final List<Outbox> outboxes;

	private final List<Consumed> consumed;

	private final List<String> unreadable;

	private EventFigures(List<Published> published, List<Outbox> outboxes, List<Consumed> consumed,
			List<String> unreadable) {
		this.published = published;
		this.outboxes = outboxes;
		this.consumed = consumed;
		this.unreadable = unreadable;
	}

	/**
	 * Reads the figures once the outboxes have sent what the run stored, or after 30 s
	 * with what is left unsent counted as such.
	 * @param platform the platform the load ran against
	 * @param since when the load began
	 * @return the figures of the events stored since then
	 */
	static EventFigures afterRun(LocalPlatform platform, Instant since) {
		try {
			// One count per outbox while waiting; the figures (and the consumers' meters)
			// are read once, after.
			Awaitility.await("the outboxes to send what the run stored")
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> unsent(platform, since) == 0);
		}
		catch (ConditionTimeoutException ex) {
			// Read what there is: the unsent entries show as such.
		}
		return read(platform, since);
	}

	private static long unsent(LocalPlatform platform, Instant since) throws SQLException {
		PlatformDatabase database = platform.database();
		long unsent = 0;
		for (String service : SERVICES) {
			String sql = "SELECT count(*) FROM %s.event_publication WHERE publication_date >= ? AND completion_date IS NULL"
				.formatted(database.credentials(service).orElseThrow().schema());
			try (Connection connection = database.connectAs(service);
					PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setTimestamp(1, Timestamp.from(since));
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					unsent += result.getLong(1);
				}
			}
		}
		return unsent;
	}

	/**
	 * @param platform the platform the load ran against
	 * @param since when the load began
	 * @return the figures of the events stored since then
	 */
	static EventFigures read(LocalPlatform platform, Instant since) {
		List<Published> published = new ArrayList<>();
		List<Outbox> outboxes = new ArrayList<>();
		List<Consumed> consumed = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		PlatformDatabase database = platform.database();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (String service : SERVICES) {
			String schema = database.credentials(service).orElseThrow().schema();
			try (Connection connection = database.connectAs(service)) {
				published.addAll(published(connection, schema, service, since));
				outboxes.add(outbox(connection, schema, service, since));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Reading " + service + "'s outbox: " + ex.getMessage(), ex);
			}
			try {
				consumed.addAll(consumed(http, platform.managementUrl(service), service));
			}
			catch (RuntimeException ex) {
				// A service the load overwhelmed (stopped, say) loses its meters, not the
				// other figures.
				unreadable.add(service + "'s meters: " + ex.getMessage()
						+ ((ex.getCause() != null) ? " (" + ex.getCause() + ")" : ""));
			}
		}
		return new EventFigures(published, outboxes, consumed, unreadable);
	}

	private static List<Published> published(Connection connection, String schema, String service, Instant since)
			throws SQLException {
		String sql = """
				SELECT event_type, count(*), count(*) FILTER (WHERE completion_date IS NULL),
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completion_date - publication_date)),
				       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM completion_date - publication_date))
				FROM %s.event_publication WHERE publication_date >= ? GROUP BY event_type ORDER BY event_type
				"""
			.formatted(schema);
		List<Published> rows = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setTimestamp(1, Timestamp.from(since));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String type = result.getString(1);
					rows.add(new Published(service, type.substring(type.lastIndexOf('.') + 1), result.getLong(2),
							result.getLong(3), result.getDouble(4) * 1000, result.getDouble(5) * 1000));
				}
			}
		}
		return rows;
	}

	private static Outbox outbox(Connection connection, String schema, String service, Instant since)
			throws SQLException {
		// Acknowledged events per second of the run, from the first second with one to
		// the
		// last: the rate the outbox kept up with, and its busiest second.
		String sql = """
				SELECT coalesce(max(n), 0), coalesce(sum(n), 0),
				       coalesce(extract(epoch FROM max(s) - min(s)) + 1, 0)
				FROM (SELECT date_trunc('second', completion_date) AS s, count(*) AS n
				      FROM %s.event_publication
				      WHERE publication_date >= ? AND completion_date IS NOT NULL GROUP BY 1) AS per_second
				""".formatted(schema);
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setTimestamp(1, Timestamp.from(since));
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				double seconds = result.getDouble(3);
				return new Outbox(service, result.getLong(1), (seconds > 0) ? result.getLong(2) / seconds : 0);
			}
		}
	}

	private static List<Consumed> consumed(HttpClient http, URI management, String service) {
		String body;
		try {
			body = http
				.send(HttpRequest.newBuilder(management.resolve("/actuator/prometheus"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading " + service + "'s meters", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		// Cumulative buckets per topic and type, in the order Prometheus lists them
		// (ascending bounds, +Inf last).
		Map<String, List<double[]>> byType = new LinkedHashMap<>();
		Matcher line = BUCKET.matcher(body);
		while (line.find()) {
			Map<String, String> labels = labels(line.group("labels"));
			String key = labels.getOrDefault("topic", "?") + " " + labels.getOrDefault("type", "?");
			String le = labels.getOrDefault("le", "+Inf");
			double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
			byType.computeIfAbsent(key, (k) -> new ArrayList<>())
				.add(new double[] { bound, Double.parseDouble(line.group("value")) });
		}
		List<Consumed> rows = new ArrayList<>();
		byType.forEach((key, buckets) -> {
			String[] topicAndType = key.split(" ", 2);
			long count = (long) buckets.get(buckets.size() - 1)[1];
			rows.add(new Consumed(service, topicAndType[0], topicAndType[1], count, quantile(buckets, 0.5) * 1000,
					quantile(buckets, 0.99) * 1000));
		});
		return rows;
	}

	/**
	 * A quantile from cumulative buckets, interpolated linearly within its bucket as
	 * Prometheus' {@code histogram_quantile} does.
	 */
	static double quantile(List<double[]> buckets, double q) {
		double count = buckets.get(buckets.size() - 1)[1];
		if (count == 0) {
			return Double.NaN;
		}
		double rank = q * count;
		double lowerBound = 0;
		double lowerCount = 0;
		for (double[] bucket : buckets) {
			if (bucket[1] >= rank) {
				if (Double.isInfinite(bucket[0])) {
					return lowerBound;
				}
				double inBucket = bucket[1] - lowerCount;
				return lowerBound + (bucket[0] - lowerBound) * ((inBucket > 0) ? (rank - lowerCount) / inBucket : 1);
			}
			lowerBound = bucket[0];
			lowerCount = bucket[1];
		}
		return lowerBound;
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		Matcher label = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(text);
		while (label.find()) {
			labels.put(label.group(1), label.group(2));
		}
		return labels;
	}

	/**
	 * @return the figures as a table for the run's log
	 */
	String table() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%nEvents stored during the run, commit to broker acknowledgement:%n"));
		out.append(String.format(Locale.ROOT, "%-16s %-18s %8s %10s %8s %8s%n", "outbox of", "type", "events",
				"not acked", "p50 ms", "p99 ms"));
		for (Published row : this.published) {
			out.append(String.format(Locale.ROOT, "%-16s %-18s %8d %10d %8.1f %8.1f%n", row.service(), row.type(),
					row.events(), row.incomplete(), row.ackP50Ms(), row.ackP99Ms()));
		}
		out.append(String.format(Locale.ROOT, "%-16s %22s %22s%n", "outbox of", "acked/s, busiest s", "acked/s, mean"));
		for (Outbox row : this.outboxes) {
			out.append(String.format(Locale.ROOT, "%-16s %22d %22.1f%n", row.service(), row.peakPerSecond(),
					row.meanPerSecond()));
		}
		out.append(String.format(Locale.ROOT,
				"Events consumed since the consumer started, occurrence to the effect committed (from histogram buckets):%n"));
		out.append(String.format(Locale.ROOT, "%-16s %-28s %-18s %8s %8s %8s%n", "consumer", "topic", "type", "events",
				"p50 ms", "p99 ms"));
		for (Consumed row : this.consumed) {
			out.append(String.format(Locale.ROOT, "%-16s %-28s %-18s %8d %8.1f %8.1f%n", row.service(), row.topic(),
					row.type(), row.events(), row.p50Ms(), row.p99Ms()));
		}
		for (String problem : this.unreadable) {
			out.append(String.format(Locale.ROOT, "Not read: %s%n", problem));
		}
		return out.toString();
	}

	/**
	 * Writes the figures as properties next to the run's other results.
	 * @param file the file
	 */
	void write(Path file) {
		Map<String, String> figures = new LinkedHashMap<>();
		for (Published row : this.published) {
			String prefix = "published." + row.service() + "." + row.type() + ".";
			figures.put(prefix + "events", Long.toString(row.events()));
			figures.put(prefix + "notAcknowledged", Long.toString(row.incomplete()));
			figures.put(prefix + "commitToAck.p50Ms", format(row.ackP50Ms()));
			figures.put(prefix + "commitToAck.p99Ms", format(row.ackP99Ms()));
		}
		for (Outbox row : this.outboxes) {
			figures.put("outbox." + row.service() + ".busiestSecond", Long.toString(row.peakPerSecond()));
			figures.put("outbox." + row.service() + ".meanPerSecond", format(row.meanPerSecond()));
		}
		for (Consumed row : this.consumed) {
			String prefix = "consumed." + row.service() + "." + row.type() + ".";
			figures.put(prefix + "events", Long.toString(row.events()));
			figures.put(prefix + "occurrenceToEffect.p50Ms", format(row.p50Ms()));
			figures.put(prefix + "occurrenceToEffect.p99Ms", format(row.p99Ms()));
		}
		for (int i = 0; i < this.unreadable.size(); i++) {
			figures.put("unreadable." + i, this.unreadable.get(i));
		}
		figures.putAll(Machine.describe());
		StringBuilder text = new StringBuilder("# Event figures of the last load run (EventFigures)\n");
		figures.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	record Published(String service, String type, long events, long incomplete, double ackP50Ms, double ackP99Ms) {
	}

	record Outbox(String service, long peakPerSecond, double meanPerSecond) {
	}

	record Consumed(String service, String topic, String type, long events, double p50Ms, double p99Ms) {
	}

}
