/**
 * Payments: the charge of a customer for an order, its states and money, the provider
 * port for charges, and the use cases creating (idempotently) and reading payments.
 */
package com.example.platform.payment.payments;
