package com.example.platform.testing.postgres;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated Spring test a real PostgreSQL: the JVM's shared server (see
 * {@link PostgresServer}), a database of its own per application context, and a login
 * role that owns only {@link #schema()}. The application's {@code DataSource} (and so
 * Flyway and JPA) connects as that role through Boot's {@code JdbcConnectionDetails}; the
 * {@link IsolatedDatabase} is a bean too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealPostgres {

	/**
	 * The schema the service owns, as in production.
	 * @return the schema name
	 */
	String schema();

}
