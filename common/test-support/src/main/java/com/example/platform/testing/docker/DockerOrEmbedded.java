package com.example.platform.testing.docker;

import java.util.Locale;
import java.util.function.Supplier;

import org.testcontainers.DockerClientFactory;

/**
 * Starts a test server in a Testcontainers container when a Docker engine answers,
 * otherwise embedded; {@code -Dplatform.test.<server>=embedded} or
 * {@code =testcontainers} forces the choice.
 */
public final class DockerOrEmbedded {

	private DockerOrEmbedded() {
	}

	/**
	 * @param <T> the started server
	 * @param server the server's name in the system property, such as {@code postgres}
	 * @param inDocker starts it in a container
	 * @param embedded starts it in this JVM or as a local process
	 * @return the started server
	 */
	public static <T> T start(String server, Supplier<T> inDocker, Supplier<T> embedded) {
		String choice = System.getProperty("platform.test." + server, "auto").toLowerCase(Locale.ROOT);
		return switch (choice) {
			case "embedded" -> embedded.get();
			case "testcontainers" -> inDocker.get();
			default -> dockerAvailable() ? inDocker.get() : embedded.get();
		};
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
