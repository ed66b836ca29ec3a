package com.example.platform.payment.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.example.platform.payment.PaymentServiceIntegrationTest;

import org.springframework.test.context.TestPropertySource;

/**
 * The whole service as {@link PaymentServiceIntegrationTest} starts it, but with the
 * resolver's timer held off: its own application context, so its own database, where only
 * the test claims pending rows and may empty the tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@PaymentServiceIntegrationTest
@TestPropertySource(properties = "platform.payments.resolver.interval=1h")
@interface QuietResolver {

}
