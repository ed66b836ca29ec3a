/**
 * Pending provider operations: their attempt bookkeeping and the one resolver loop that
 * settles them by asking the provider again.
 */
package com.example.platform.payment.resolver;
