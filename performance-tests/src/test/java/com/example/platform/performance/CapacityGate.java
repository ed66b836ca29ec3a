package com.example.platform.performance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The capacity stage's verdict: every {@code ratio.*} in the committed baselines must be
 * met by the run's results within the tolerance ({@code gate.tolerance}, a fraction: 0.20
 * fails a ratio more than 20 % below its baseline). A ratio the run could not measure
 * fails too. Run by the {@code performance-capacity} profile after the simulation;
 * arguments: the results file, the baselines file.
 */
public final class CapacityGate {

	private CapacityGate() {
	}

	public static void main(String[] args) {
		if (args.length != 2) {
			throw new IllegalArgumentException("Usage: CapacityGate <results.properties> <baselines.properties>");
		}
		Properties results = load(Path.of(args[0]));
		Properties baselines = load(Path.of(args[1]));
		double tolerance = Double.parseDouble(baselines.getProperty("gate.tolerance", "0.20"));
		List<String> failures = new ArrayList<>();
		System.out.printf(Locale.ROOT, "%nCapacity gate (a ratio fails when more than %.0f %% below its baseline):%n",
				tolerance * 100);
		System.out.printf(Locale.ROOT, "  %-36s %9s %9s %9s  %s%n", "ratio", "baseline", "floor", "measured", "");
		for (String key : new TreeSet<>(baselines.stringPropertyNames())) {
			if (!key.startsWith("ratio.")) {
				continue;
			}
			double baseline = Double.parseDouble(baselines.getProperty(key));
			double floor = baseline * (1 - tolerance);
			String measuredText = results.getProperty(key, "NaN");
			double measured = Double.parseDouble(measuredText);
			boolean ok = !Double.isNaN(measured) && measured >= floor;
			System.out.printf(Locale.ROOT, "  %-36s %9.3f %9.3f %9.3f  %s%n", key, baseline, floor, measured,
					ok ? "ok" : "FAIL");
			if (!ok) {
				failures.add(String.format(Locale.ROOT, "%s = %s, below %.3f (baseline %.3f - %.0f %%)", key,
						measuredText, floor, baseline, tolerance * 100));
			}
		}
		System.out.println("  baselines from: " + baselines.getProperty("machine.cores", "?") + " cores, "
				+ baselines.getProperty("machine.memory", "?") + ", " + baselines.getProperty("machine.os", "?") + ", "
				+ baselines.getProperty("machine.jdk", "?") + ", " + baselines.getProperty("date", "?"));
		if (!failures.isEmpty()) {
			throw new IllegalStateException("Capacity ratios below their baselines: " + String.join("; ", failures)
					+ " (results " + args[0] + ", baselines " + args[1] + ")");
		}
		System.out.println("Capacity gate passed.");
	}

	private static Properties load(Path file) {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			properties.load(in);
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

}
