/**
 * Timers: the schedule that runs the resolver over pending payments and refunds.
 */
package com.example.platform.payment.scheduling;
