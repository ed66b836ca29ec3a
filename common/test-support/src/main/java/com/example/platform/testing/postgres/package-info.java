/**
 * A real PostgreSQL for tests: one server per JVM, one database and role per Spring test
 * context.
 */
package com.example.platform.testing.postgres;
