package com.example.platform.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random ports are free, never handed out twice, and (on Linux) below the range outgoing
 * connections take their local ports from.
 */
class FreePortsTests {

	@Test
	void handsOutFreeDistinctPortsBelowTheEphemeralRange() {
		int ephemeralStart = FreePorts.ephemeralStart(FreePorts.EPHEMERAL_RANGE);
		Set<Integer> ports = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			int port = FreePorts.take();
			assertThat(ports.add(port)).as("handed out once: %d", port).isTrue();
			assertThat(FreePorts.isFree(port)).as("free: %d", port).isTrue();
			if (ephemeralStart > 11000) {
				assertThat(port).isBetween(10000, ephemeralStart - 1);
			}
		}
	}

	@Test
	void readsTheKernelsRangeAndToleratesItsAbsence(@TempDir Path directory) throws IOException {
		Path range = Files.writeString(directory.resolve("ip_local_port_range"), "32768\t60999\n");

		assertThat(FreePorts.ephemeralStart(range)).isEqualTo(32768);
		assertThat(FreePorts.ephemeralStart(directory.resolve("absent"))).isZero();
		assertThat(FreePorts.ephemeralStart(Files.writeString(directory.resolve("garbage"), "x"))).isZero();
	}

}
