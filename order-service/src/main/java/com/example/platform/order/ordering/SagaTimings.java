package com.example.platform.order.ordering;

import java.time.Duration;

import com.example.platform.support.retry.RetryPolicy;

/**
 * The clocks of the order saga.
 *
 * @param reconciliation when reconciliation looks at an order: first after the grace a
 * placing request has to record the payment's outcome, then with backoff, never giving up
 * (an order must end somewhere)
 * @param lease how long an order claimed by reconciliation stays reserved for the
 * instance that claimed it
 */
public record SagaTimings(RetryPolicy reconciliation, Duration lease) {

}
