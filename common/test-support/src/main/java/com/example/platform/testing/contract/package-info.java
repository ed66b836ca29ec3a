/**
 * Spring Cloud Contract messaging over the real test Kafka broker: contracts' messages
 * read from and sent to the topics of the test's own prefix.
 */
@NullMarked
package com.example.platform.testing.contract;

import org.jspecify.annotations.NullMarked;
