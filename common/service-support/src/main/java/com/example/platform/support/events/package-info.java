/**
 * Events between services: the transactional outbox (Spring Modulith's event publication
 * registry, externalized to Kafka), topic names and declarations, a tolerant reader for
 * incoming events, the record of what a consumer has processed, and dead-letter topics
 * for what it cannot.
 */
@NullMarked
package com.example.platform.support.events;

import org.jspecify.annotations.NullMarked;
