/**
 * Payments, refunds, idempotency and the provider port, with the use cases over them.
 */
package com.example.platform.payment.domain;
