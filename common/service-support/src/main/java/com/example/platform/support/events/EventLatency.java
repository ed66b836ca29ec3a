package com.example.platform.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.RecordInterceptor;

/**
 * How long each event took from the change that caused it to this consumer's effect: the
 * timer {@code events.consumed.latency} (tags {@code topic}, {@code type}), recorded when
 * a listener has handled a record without an exception, its effect committed. The start
 * is the record's timestamp, which the outbox sets to the event's {@code occurredAt}
 * (taken in the producer's transaction, just before its commit), so the figure covers the
 * commit, the outbox, the broker, the consumer's wait and its own transaction. Events
 * parked on a dead-letter topic are not counted. A histogram (for Prometheus' quantiles
 * across instances), no client-side percentiles. Clocks of different hosts add their
 * skew; on one host (and in the benchmarks) there is none.
 */
class EventLatency implements RecordInterceptor<Object, Object> {

	static final String METER = "events.consumed.latency";

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	EventLatency(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public @Nullable ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
			Consumer<Object, Object> consumer) {
		return record;
	}

	@Override
	public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
		if (record.timestampType() != TimestampType.CREATE_TIME || record.timestamp() <= 0) {
			return;
		}
		Header typeHeader = record.headers().lastHeader(EventsAutoConfiguration.TYPE_HEADER);
		String type = (typeHeader != null) ? new String(typeHeader.value(), StandardCharsets.UTF_8) : "unknown";
		long millis = Math.max(0, this.clock.millis() - record.timestamp());
		this.timers.computeIfAbsent(record.topic() + '\u0000' + type, (key) -> timer(record.topic(), type))
			.record(Duration.ofMillis(millis));
	}

	private Timer timer(String topic, String type) {
		return Timer.builder(METER)
			.description("From an event's occurrence in the producer's transaction to its effect committed here")
			.tag("topic", topic)
			.tag("type", type)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(this.meters);
	}

}
