package com.example.platform.performance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one capacity run found: each workload's sustained rate through the gateway and
 * direct, pgbench's tps, and the published ratios, with the machine they came from.
 * Written as a properties file that {@link CapacityGate} reads.
 */
final class CapacityResults {

	private final List<Ramp> ramps;

	private final long p99Ms;

	private final long ordersP99Ms;

	private final Map<String, String> figures;

	private CapacityResults(List<Ramp> ramps, long p99Ms, long ordersP99Ms, Map<String, String> figures) {
		this.ramps = ramps;
		this.p99Ms = p99Ms;
		this.ordersP99Ms = ordersP99Ms;
		this.figures = figures;
	}

	static CapacityResults of(List<Ramp> ramps, double pgbenchTps, int pgbenchClients, int pgbenchSeconds, long p99Ms,
			long ordersP99Ms, int stepSeconds) {
		Map<String, String> figures = new LinkedHashMap<>();
		for (Ramp ramp : ramps) {
			String workload = ramp.workload();
			if (ramp.target().equals("gateway")) {
				double gateway = ramp.sustainedRate();
				double direct = sustained(ramps, workload, "direct");
				figures.put("ratio." + workload + ".gatewayOverDirect", ratio(gateway, direct));
				if (workload.equals("orders")) {
					figures.put("ratio.orders.gatewayOverPgbench", ratio(gateway, pgbenchTps));
				}
			}
		}
		for (Ramp ramp : ramps) {
			figures.put("sustained." + ramp.workload() + "." + ramp.target(),
					String.format(Locale.ROOT, "%.1f", ramp.sustainedRate()));
			if (ramp.topReached()) {
				figures.put("sustained." + ramp.workload() + "." + ramp.target() + ".topStepReached", "true");
			}
		}
		figures.put("pgbench.tps", String.format(Locale.ROOT, "%.0f", pgbenchTps));
		figures.put("pgbench.clients", Integer.toString(pgbenchClients));
		figures.put("pgbench.seconds", Integer.toString(pgbenchSeconds));
		figures.put("p99.boundMs", Long.toString(p99Ms));
		figures.put("p99.orders.boundMs", Long.toString(ordersP99Ms));
		figures.put("step.seconds", Integer.toString(stepSeconds));
		figures.putAll(Machine.describe());
		figures.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		return new CapacityResults(ramps, p99Ms, ordersP99Ms, figures);
	}

	private static double sustained(List<Ramp> ramps, String workload, String target) {
		return ramps.stream()
			.filter(ramp -> ramp.workload().equals(workload) && ramp.target().equals(target))
			.mapToDouble(Ramp::sustainedRate)
			.findFirst()
			.orElse(0);
	}

	private static String ratio(double numerator, double denominator) {
		return (numerator > 0 && denominator > 0) ? String.format(Locale.ROOT, "%.3f", numerator / denominator) : "NaN";
	}

	String table() {
		StringBuilder out = new StringBuilder(
				"\nCapacity, step by step (p99 bound " + this.p99Ms + " ms, orders " + this.ordersP99Ms + " ms):\n");
		for (Ramp ramp : this.ramps) {
			out.append(String.format(Locale.ROOT, "  %-8s %-8s sustained %.1f/s%s%n", ramp.target(), ramp.workload(),
					ramp.sustainedRate(), ramp.topReached() ? " (top step reached: a lower limit)" : ""));
			for (Ramp.Step step : ramp.steps()) {
				out.append("      ").append(step.describe(ramp.p99BoundMs())).append('\n');
			}
		}
		out.append("Figures:\n");
		this.figures.forEach((key, value) -> out.append("  ").append(key).append(" = ").append(value).append('\n'));
		return out.toString();
	}

	void write(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			try (Writer out = Files.newBufferedWriter(file)) {
				out.write(
						"# Written by CapacitySimulation; compared with performance-tests/baselines.properties by CapacityGate\n");
				for (Map.Entry<String, String> figure : this.figures.entrySet()) {
					out.write(figure.getKey() + "=" + figure.getValue() + "\n");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}
