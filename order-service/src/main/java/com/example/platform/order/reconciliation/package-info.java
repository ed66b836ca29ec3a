/**
 * Reconciliation: completes orders no request completed (payments whose outcome was
 * unknown, cancellations waiting for a refund), on any number of instances.
 */
package com.example.platform.order.reconciliation;
