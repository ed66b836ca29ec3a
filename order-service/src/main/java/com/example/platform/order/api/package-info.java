/**
 * The order service's HTTP API: products, orders, their problem mapping.
 */
package com.example.platform.order.api;
