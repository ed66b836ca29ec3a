/**
 * Ordering: the order aggregate and its states, the order saga (place, charge, cancel,
 * reconcile a step) and the ports to the user and payment services.
 */
package com.example.platform.order.ordering;
