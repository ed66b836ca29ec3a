package com.example.platform.e2e;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's meters as its management server's {@code /actuator/metrics} shows them.
 */
final class Meters {

	private Meters() {
	}

	/**
	 * @param management the service's management server
	 * @param name the meter
	 * @param tags {@code key:value} tags narrowing it
	 * @return the meter's first measurement
	 */
	static double value(Gateway management, String name, String... tags) {
		String query = Stream.of(tags).map(tag -> "tag=" + tag).collect(Collectors.joining("&"));
		Gateway.Response meter = management.get("/actuator/metrics/" + name + (query.isEmpty() ? "" : "?" + query),
				null);
		assertThat(meter.status()).as("%s %s", name, meter).isEqualTo(200);
		return meter.json().get("measurements").get(0).get("value").asDouble();
	}

}
