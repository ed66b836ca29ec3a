package com.example.platform.testing.jwt;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Turns {@link TestTokens} into the resource-server properties pointing at the shared
 * test issuer. All annotated tests share one customizer, so they can share a cached
 * context.
 */
class TestTokensContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(TestTokens.class)
				? new Customizer() : null;
	}

	private record Customizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			TestTokenIssuer issuer = TestTokenIssuer.shared();
			// First in line: the test issuer wins over application.yaml's local defaults.
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testTokens",
						Map.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri(),
								"spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer())));
		}

	}

}
