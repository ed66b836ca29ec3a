package com.example.platform.support.events;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service publishes and consumes events.
 *
 * @param topicPrefix put before every topic name: one broker can serve several
 * deployments (and test contexts) without mixing their events
 * @param partitions partitions of the topics a service declares: how many consumer
 * instances can share a topic
 * @param replicas replicas of each partition (1 on one broker, 3 in production)
 * @param processedTable the table where a consuming service records the events it has
 * processed, or none for a service that consumes nothing
 * @param processedRetention how long a processed event id is kept: longer than any
 * redelivery can take
 * @param retry how a failing event is retried before it goes to the dead-letter topic
 * @param outbox how the outbox is kept
 */
@Validated
@ConfigurationProperties("platform.events")
public record EventsProperties(@DefaultValue("") @Pattern(regexp = "[a-zA-Z0-9._-]*") String topicPrefix,
		@DefaultValue("3") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas,
		@Nullable @Pattern(regexp = "[a-z_][a-z0-9_]*") String processedTable,
		@DefaultValue("7d") @NotNull Duration processedRetention, @DefaultValue @NotNull Retry retry,
		@DefaultValue @NotNull OutboxKeeping outbox) {

	/**
	 * @param attempts retries after the first failure
	 * @param initialInterval the first pause, doubled after each retry
	 * @param maxInterval the longest pause
	 */
	public record Retry(@DefaultValue("4") @Min(0) int attempts, @DefaultValue("200ms") Duration initialInterval,
			@DefaultValue("2s") Duration maxInterval) {
	}

	/**
	 * @param resubmitAfter an entry the broker has not acknowledged after this long is
	 * sent again (the broker was down, or the process died after the commit)
	 * @param checkInterval how often the outbox is checked for such entries and purged
	 * @param completedRetention how long a sent entry is kept for inspection
	 */
	public record OutboxKeeping(@DefaultValue("30s") Duration resubmitAfter,
			@DefaultValue("10s") Duration checkInterval, @DefaultValue("1h") Duration completedRetention) {
	}

}
