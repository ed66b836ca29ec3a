package com.example.platform.testing.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Turns {@link RealKafka} into the shared broker's address and a topic prefix per
 * application context.
 */
class RealKafkaContextCustomizerFactory implements ContextCustomizerFactory {

	private static final AtomicInteger contexts = new AtomicInteger();

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(RealKafka.class)
				? new Customizer() : null;
	}

	/** Equal to every other, so that {@link RealKafka} never splits the context cache. */
	private record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			String prefix = "test" + contexts.incrementAndGet() + ".";
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("realKafka", Map.of("spring.kafka.bootstrap-servers",
						KafkaServer.shared().bootstrapServers(), "platform.events.topic-prefix", prefix)));
		}

	}

}
