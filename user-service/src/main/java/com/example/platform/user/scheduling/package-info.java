/**
 * Timers of the user service: the purge of stale failed-login counters.
 */
package com.example.platform.user.scheduling;
