package com.example.platform.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key of a service's extracted layout and AOT cache: a rebuilt jar or other JVM
 * options never find the cache of the old ones.
 */
class FastStartTests {

	@TempDir
	Path folder;

	@Test
	void keyChangesWithTheJarsContentAndTheJvmOptions() throws Exception {
		Path jar = Files.write(this.folder.resolve("service.jar"), new byte[] { 1, 2, 3 });
		String key = FastStart.key(jar, List.of("-Xmx256m"));

		assertThat(FastStart.key(jar, List.of("-Xmx256m"))).isEqualTo(key).hasSize(16);
		assertThat(FastStart.key(jar, List.of("-Xmx128m"))).isNotEqualTo(key);
		Files.write(jar, new byte[] { 1, 2, 4 });
		assertThat(FastStart.key(jar, List.of("-Xmx256m"))).isNotEqualTo(key);
	}

	@Test
	void startsWithoutACacheUntilOneIsTrained() throws Exception {
		Path directory = Files.createDirectories(this.folder.resolve("layout"));
		FastStart.Layout layout = new FastStart.Layout(directory, directory.resolve("service.jar"),
				directory.resolve(FastStart.CACHE_FILE));

		assertThat(FastStart.cacheOptions(layout)).isEmpty();
		Files.write(layout.cache(), new byte[] { 0 });
		assertThat(FastStart.cacheOptions(layout)).containsExactly("-XX:AOTCache=" + layout.cache());
	}

}
