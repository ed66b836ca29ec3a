package com.example.platform.testing.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Carries a Spring test's contract messages over the {@code @RealKafka} broker: the
 * provider's generated tests read what the service sent ({@link TopicMessageReceiver}),
 * the consumer's stub triggers send the contract's message ({@link TopicMessageSender}).
 * <p>
 * Spring Cloud Contract 5.0 has no Kafka support of its own (4.x's, which needed an
 * {@code EmbeddedKafkaBroker} bean, is gone). A contract's {@code sentTo} is a topic name
 * without the deployment's prefix; {@code platform.events.topic-prefix} is added. The
 * record key travels as the header {@value TopicMessages#KEY_HEADER}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(TopicMessages.class)
public @interface KafkaContractMessaging {

}
