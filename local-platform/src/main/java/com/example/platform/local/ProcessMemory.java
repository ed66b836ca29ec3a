package com.example.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Resident memory of processes, from Linux's {@code /proc/<pid>/status} ({@code VmRSS}).
 */
public final class ProcessMemory {

	private ProcessMemory() {
	}

	/**
	 * @param pid a process id
	 * @return its resident set size in KiB, empty when unknown (not Linux, process gone)
	 */
	public static OptionalLong residentKib(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
				}
			}
			return OptionalLong.empty();
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Memory of a process and all its descendants, as the sum of their proportional set
	 * sizes ({@code Pss} in {@code /proc/<pid>/smaps_rollup}): pages the processes share,
	 * like PostgreSQL's shared buffers, are counted once in total rather than once per
	 * backend.
	 * @param pid a process id
	 * @return KiB, empty when unknown
	 */
	public static OptionalLong proportionalKibWithDescendants(long pid) {
		OptionalLong own = proportionalKib(pid);
		if (own.isEmpty()) {
			return own;
		}
		long total = own.getAsLong();
		total += ProcessHandle.of(pid)
			.map(handle -> handle.descendants().mapToLong(child -> proportionalKib(child.pid()).orElse(0)).sum())
			.orElse(0L);
		return OptionalLong.of(total);
	}

	private static OptionalLong proportionalKib(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
				if (line.startsWith("Pss:")) {
					return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
				}
			}
			return OptionalLong.empty();
		}
		catch (IOException | RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Whether a process is running: it exists and is not a zombie. A daemonised process
	 * like PostgreSQL's postmaster is reparented to the machine's init, which may reap it
	 * late; until then it is a zombie that no longer runs.
	 * @param pid a process id
	 * @return whether it runs
	 */
	public static boolean isRunning(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// state is the first field after the parenthesised command name
			String afterName = stat.substring(stat.lastIndexOf(')') + 1).trim();
			return !afterName.startsWith("Z") && !afterName.startsWith("X");
		}
		catch (IOException | RuntimeException ex) {
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
					&& !Files.isDirectory(Path.of("/proc"));
		}
	}

	/**
	 * @param kib KiB
	 * @return e.g. {@code 231 MB}
	 */
	public static String format(OptionalLong kib) {
		return kib.isPresent() ? (kib.getAsLong() / 1024) + " MB" : "n/a";
	}

}
