/**
 * The price list: products, their prices in minor units, and money.
 */
package com.example.platform.order.catalog;
