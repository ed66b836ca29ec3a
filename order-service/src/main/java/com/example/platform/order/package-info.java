/**
 * The order service: the price list, orders, and the saga that pays and refunds them.
 */
package com.example.platform.order;
