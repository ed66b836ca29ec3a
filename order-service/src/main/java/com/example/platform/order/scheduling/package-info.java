/**
 * Timers that start the concepts' periodic work.
 */
package com.example.platform.order.scheduling;
