/**
 * Orders, the price list, the order saga and its reconciliation, and the ports to the
 * user and payment services.
 */
package com.example.platform.order.domain;
