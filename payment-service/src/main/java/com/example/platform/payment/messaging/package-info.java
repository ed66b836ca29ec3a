/**
 * Kafka listeners: the events this service consumes, read in its own wire records and
 * handed to the application services.
 */
@NullMarked
package com.example.platform.payment.messaging;

import org.jspecify.annotations.NullMarked;
