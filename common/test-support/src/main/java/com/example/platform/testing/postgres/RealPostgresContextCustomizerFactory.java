package com.example.platform.testing.postgres;

import java.util.List;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Turns {@link RealPostgres} into a database per application context. Contexts with the
 * same schema share Spring's context cache entry, so a database is created once per
 * cached context.
 */
class RealPostgresContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.get(RealPostgres.class)
			.synthesize(annotation -> annotation.isPresent())
			.map(annotation -> new Customizer(annotation.schema()))
			.orElse(null);
	}

	private record Customizer(String schema) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			IsolatedDatabase database = PostgresServer.shared().createIsolatedDatabase(this.schema);
			DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
			beanFactory.registerSingleton("isolatedDatabase", database);
			beanFactory.registerSingleton("realPostgresConnectionDetails", new IsolatedJdbcConnectionDetails(database));
		}

	}

	private record IsolatedJdbcConnectionDetails(IsolatedDatabase database) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return this.database.username();
		}

		@Override
		public String getPassword() {
			return this.database.password();
		}

		@Override
		public String getJdbcUrl() {
			return this.database.jdbcUrl();
		}

	}

}
