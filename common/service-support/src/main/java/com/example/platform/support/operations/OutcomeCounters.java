package com.example.platform.support.operations;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A counter per outcome of a business operation ({@code payments.charges} with
 * {@code outcome=approved}, ...), one per constant of the outcome's enum, registered up
 * front so that every outcome shows in Prometheus from the start, at zero.
 *
 * @param <E> the outcome type
 */
public final class OutcomeCounters<E extends Enum<E>> {

	private final Map<E, Counter> counters;

	/**
	 * @param registry where the counters are registered
	 * @param name the meter name, e.g. {@code payments.charges}
	 * @param description what is counted
	 * @param outcomes the outcome type; its constants, in lower case, are the
	 * {@code outcome} tag's values
	 */
	public OutcomeCounters(MeterRegistry registry, String name, String description, Class<E> outcomes) {
		this.counters = new EnumMap<>(outcomes);
		for (E outcome : outcomes.getEnumConstants()) {
			this.counters.put(outcome,
					Counter.builder(name)
						.description(description)
						.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
						.register(registry));
		}
	}

	/**
	 * Counts one operation that ended with this outcome.
	 * @param outcome the outcome
	 */
	public void increment(E outcome) {
		this.counters.get(outcome).increment();
	}

}
