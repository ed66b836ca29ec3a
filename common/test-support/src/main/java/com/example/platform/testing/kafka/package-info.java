/**
 * A real Kafka broker for Spring tests: one per test JVM, topics isolated per context.
 */
@NullMarked
package com.example.platform.testing.kafka;

import org.jspecify.annotations.NullMarked;
