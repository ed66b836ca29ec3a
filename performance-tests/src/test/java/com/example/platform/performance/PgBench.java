package com.example.platform.performance;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's own limit for an order: {@code pgbench} running the order-like
 * transaction of {@code performance-tests/bench/order-transaction.sql} (1 select, 4
 * inserts, 1 update) on the platform's PostgreSQL, in a scratch schema it creates and
 * drops. Fails loudly when pgbench is missing: a capacity run without its baseline is not
 * a result.
 */
final class PgBench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private final String executable;

	private final Path scripts;

	private final String host;

	private final int port;

	private final String database;

	PgBench(String executable, Path scripts, String host, int port, String database) {
		this.executable = executable;
		this.scripts = scripts;
		this.host = host;
		this.port = port;
		this.database = database;
	}

	/**
	 * Creates the scratch schema, runs the transaction, drops the schema.
	 * @param clients concurrent clients
	 * @param seconds how long
	 * @return transactions per second
	 */
	double ordersPerSecond(int clients, int seconds) {
		run(List.of("-n", "-t", "1", "-c", "1", "-f", this.scripts.resolve("order-schema.sql").toString()), 60);
		try {
			String output = run(
					List.of("-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2", "-T",
							Integer.toString(seconds), "-f", this.scripts.resolve("order-transaction.sql").toString()),
					seconds + 60);
			Matcher tps = TPS.matcher(output);
			if (!tps.find()) {
				throw new IllegalStateException("No tps in pgbench's output:\n" + output);
			}
			return Double.parseDouble(tps.group(1));
		}
		finally {
			run(List.of("-n", "-t", "1", "-c", "1", "-f", this.scripts.resolve("drop-schema.sql").toString()), 60);
		}
	}

	private String run(List<String> arguments, int timeoutSeconds) {
		List<String> command = new ArrayList<>(
				List.of(this.executable, "-h", this.host, "-p", Integer.toString(this.port), "-U", "postgres"));
		command.addAll(arguments);
		command.add(this.database);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(new File("/dev/null"))
				.start();
			byte[] output = process.getInputStream().readAllBytes();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("pgbench did not end within " + timeoutSeconds + " s: " + command);
			}
			String text = new String(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"pgbench failed (exit " + process.exitValue() + "): " + command + "\n" + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + this.executable
					+ ": the capacity baseline needs pgbench (Debian: apt-get install postgresql-client), or set capacity.pgbench to its path",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
