/**
 * The adapter to the external payment provider: its HTTP API, wire records and the
 * explicit mapping of its answers to outcomes.
 */
package com.example.platform.payment.client;
