package com.example.platform.testing.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated Spring test a real Kafka broker: the JVM's shared one (see
 * {@link KafkaServer}), with {@code spring.kafka.bootstrap-servers} pointing at it and a
 * topic prefix of its own per application context ({@code platform.events.topic-prefix}),
 * so contexts never read each other's events.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealKafka {

}
