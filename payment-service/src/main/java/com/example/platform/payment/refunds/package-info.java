/**
 * Refunds: full or partial refunds of approved payments, never more than was paid, with
 * the provider port for refunds and the use case refunding (idempotently).
 */
package com.example.platform.payment.refunds;
