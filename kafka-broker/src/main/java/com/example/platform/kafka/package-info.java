/**
 * A single-node Kafka broker and KRaft controller run from Kafka's own server classes,
 * for the local platform.
 */
package com.example.platform.kafka;
