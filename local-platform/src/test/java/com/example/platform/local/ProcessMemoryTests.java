package com.example.platform.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessMemoryTests {

	@Test
	void readsTheResidentMemoryOfThisJvm() {
		long pid = ProcessHandle.current().pid();
		assertThat(ProcessMemory.residentKib(pid).orElse(0)).isPositive();
		assertThat(ProcessMemory.proportionalKibWithDescendants(pid).orElse(0)).isPositive();
	}

	@Test
	void knowsThisJvmRunsAndAnEndedProcessDoesNot() throws Exception {
		assertThat(ProcessMemory.isRunning(ProcessHandle.current().pid())).isTrue();
		Process process = new ProcessBuilder("true").start();
		long pid = process.pid();
		process.waitFor();
		assertThat(ProcessMemory.isRunning(pid)).isFalse();
		assertThat(ProcessMemory.residentKib(pid)).isEmpty();
	}

	@Test
	void formatsInMegabytes() {
		assertThat(ProcessMemory.format(java.util.OptionalLong.of(2048))).isEqualTo("2 MB");
		assertThat(ProcessMemory.format(java.util.OptionalLong.empty())).isEqualTo("n/a");
	}

}
