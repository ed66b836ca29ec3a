package com.example.platform.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for {@code --random-ports}, taken below the kernel's ephemeral
 * range where there is one. A port the system hands out for {@code bind(0)} comes from
 * the same range as the local ports of outgoing connections; in the seconds between
 * choosing it and the service binding it (longer while caches are trained), any
 * connection on the machine may take it, and the service then fails with "port already in
 * use" (seen once in CI). A port below that range is never given to an outgoing
 * connection.
 */
final class FreePorts {

	static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

	private static final int LOWEST = 10000;

	private static final int ATTEMPTS = 500;

	/**
	 * Ports this JVM handed out, so two processes of its platforms never get the same.
	 */
	private static final Set<Integer> handedOut = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	/**
	 * @return a port free on 127.0.0.1 now, not handed out before by this JVM
	 */
	static int take() {
		int ceiling = ephemeralStart(EPHEMERAL_RANGE);
		if (ceiling > LOWEST + 1000) {
			for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
				int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
				if (!handedOut.contains(port) && isFree(port) && handedOut.add(port)) {
					return port;
				}
			}
		}
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			int port = systemChosen();
			if (handedOut.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port on 127.0.0.1");
	}

	/**
	 * @param range the kernel's {@code ip_local_port_range} file
	 * @return the first port of the ephemeral range, or 0 when it cannot be read
	 */
	static int ephemeralStart(Path range) {
		try {
			String[] bounds = Files.readString(range).trim().split("\\s+");
			return Integer.parseInt(bounds[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int systemChosen() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
