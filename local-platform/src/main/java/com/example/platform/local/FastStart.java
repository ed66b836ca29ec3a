package com.example.platform.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a service JVM starts in seconds: from Spring Boot's extracted jar layout (the
 * application jar plus {@code lib/}, no nested jars) with the JDK's AOT cache (JEP 483 /
 * 514), which holds the classes it loads and links up to a refreshed context.
 * <p>
 * Both live beside the service's executable jar, in
 * {@code <module>/target/fast-start/<jar>-<key>/}, where the key is a hash of the jar's
 * content, the JDK that runs it and the JVM options: a rebuilt jar, another JDK or other
 * options get a new folder (older ones are deleted), so a stale cache is never passed to
 * a JVM. A cache is made by a training run that starts the service against the platform's
 * PostgreSQL and exits once its context is refreshed
 * ({@code -Dspring.context.exit=onRefresh}, {@code -XX:AOTCacheOutput}). When a cache is
 * missing (training failed or is switched off) the service starts from the extracted
 * layout without it: slower, never failing. A JVM also ignores, with a warning, a cache
 * that does not match its class path or JDK.
 */
final class FastStart {

	/** The cache's file name in the layout folder. */
	static final String CACHE_FILE = "app.aot";

	private static final String FOLDER = "fast-start";

	private FastStart() {
	}

	/**
	 * The extracted layout of one service jar and where its AOT cache goes.
	 *
	 * @param directory the layout folder
	 * @param applicationJar the extracted application jar (its manifest names
	 * {@code lib/})
	 * @param cache the AOT cache file, present once trained
	 */
	record Layout(Path directory, Path applicationJar, Path cache) {

		boolean hasCache() {
			return Files.isRegularFile(this.cache);
		}

	}

	/**
	 * Extracts the jar into its layout folder unless that was done before for the same
	 * jar content, JDK and options; deletes layouts of older builds of the same jar.
	 * @param jar the service's executable jar
	 * @param jvmOptions the options the service runs with (part of the key)
	 * @return the layout
	 */
	static Layout prepare(Path jar, List<String> jvmOptions) {
		String fileName = jar.getFileName().toString();
		String stem = fileName.endsWith(".jar") ? fileName.substring(0, fileName.length() - 4) : fileName;
		Path folder = jar.toAbsolutePath().getParent().resolve(FOLDER);
		Path directory = folder.resolve(stem + "-" + key(jar, jvmOptions));
		Layout layout = new Layout(directory, directory.resolve(fileName), directory.resolve(CACHE_FILE));
		if (Files.isRegularFile(layout.applicationJar())) {
			return layout;
		}
		try {
			Files.createDirectories(folder);
			deleteOlderLayouts(folder, stem, directory);
			Path extracting = folder.resolve(".extracting-" + UUID.randomUUID());
			run(List.of(javaExecutable(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
					"--destination", extracting.toString()), Map.of(), null, Duration.ofMinutes(5));
			try {
				Files.move(extracting, directory, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException ex) {
				// another launcher extracted the same jar at the same time: keep theirs
				LocalPlatform.deleteRecursively(extracting);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not extract " + jar, ex);
		}
		if (!Files.isRegularFile(layout.applicationJar())) {
			throw new IllegalStateException("Extracting " + jar + " made no " + layout.applicationJar());
		}
		return layout;
	}

	/**
	 * Makes the layout's AOT cache with a training run: the service starts with its real
	 * environment (database included), exits once its context is refreshed, and the JVM
	 * writes the cache. A failed training leaves no cache, and says why in the log.
	 * @param layout the layout
	 * @param jvmOptions the options the service runs with (the cache is only used with
	 * the same ones)
	 * @param environment the service's environment
	 * @param tmpDirectory its temp folder
	 * @param log where the output goes (appended)
	 * @param timeout the longest the training may take
	 * @return whether a cache was written
	 */
	static boolean train(Layout layout, List<String> jvmOptions, Map<String, String> environment, Path tmpDirectory,
			Path log, Duration timeout) {
		Path output = layout.directory().resolve(CACHE_FILE + "." + UUID.randomUUID() + ".tmp");
		try {
			Files.createDirectories(tmpDirectory);
			Files.createDirectories(log.getParent());
			Files.writeString(log, "%n==== local-platform: training run for %s ====%n".formatted(layout.directory()),
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			List<String> command = new ArrayList<>();
			command.add(javaExecutable());
			command.addAll(jvmOptions);
			command.add("-XX:AOTCacheOutput=" + output);
			command.add("-Dspring.context.exit=onRefresh");
			command.add("-Djava.io.tmpdir=" + tmpDirectory.toAbsolutePath());
			command.add("-jar");
			command.add(layout.applicationJar().toString());
			int status = run(command, environment, log, timeout);
			if (status != 0 || !Files.isRegularFile(output)) {
				Files.writeString(log,
						"%n==== local-platform: training ended with status %d, no cache; the service starts without one ====%n"
							.formatted(status),
						StandardOpenOption.APPEND);
				return false;
			}
			try {
				Files.move(output, layout.cache(), StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(output, layout.cache(), StandardCopyOption.REPLACE_EXISTING);
			}
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		finally {
			try {
				Files.deleteIfExists(output);
				Files.deleteIfExists(Path.of(output + ".config"));
			}
			catch (IOException ex) {
				// a leftover temp file is only disk space
			}
		}
	}

	/**
	 * @param layout a layout
	 * @return the JVM options that start from this layout: the cache when there is one
	 */
	static List<String> cacheOptions(Layout layout) {
		return layout.hasCache() ? List.of("-XX:AOTCache=" + layout.cache()) : List.of();
	}

	private static int run(List<String> command, Map<String, String> environment, Path log, Duration timeout)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(Redirect.from(new File("/dev/null")))
			.redirectOutput((log != null) ? Redirect.appendTo(log.toFile()) : Redirect.DISCARD);
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
				return -1;
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			return -1;
		}
	}

	private static void deleteOlderLayouts(Path folder, String stem, Path keep) throws IOException {
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (!entry.equals(keep) && name.startsWith(stem + "-") && name.length() == stem.length() + 17) {
					try {
						LocalPlatform.deleteRecursively(entry);
					}
					catch (UncheckedIOException ex) {
						// in use by a JVM of another platform; the next start tries again
					}
				}
			}
		}
	}

	/**
	 * The layout's key: the jar's content, the JDK that runs the service and its options.
	 */
	static String key(Path jar, List<String> jvmOptions) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = Files.newInputStream(jar)) {
				byte[] buffer = new byte[64 * 1024];
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					digest.update(buffer, 0, read);
				}
			}
			digest.update(("|" + System.getProperty("java.vm.version") + "|" + System.getProperty("java.home") + "|"
					+ String.join(" ", jvmOptions))
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + jar, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

}
