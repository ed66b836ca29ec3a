package com.example.platform.performance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine a figure came from: cores, memory, operating system and JDK.
 */
final class Machine {

	private Machine() {
	}

	static Map<String, String> describe() {
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put("machine.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		machine.put("machine.memory", memory());
		machine.put("machine.os", os());
		machine.put("machine.jdk", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
		return machine;
	}

	private static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(line -> line.startsWith("MemTotal:"))
				.map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String os() {
		String pretty = System.getProperty("os.name");
		try {
			pretty = Files.readAllLines(Path.of("/etc/os-release"))
				.stream()
				.filter(line -> line.startsWith("PRETTY_NAME="))
				.map(line -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
				.findFirst()
				.orElse(pretty);
		}
		catch (IOException ex) {
			// not Linux: the JVM's name is enough
		}
		return pretty + ", kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch");
	}

}
