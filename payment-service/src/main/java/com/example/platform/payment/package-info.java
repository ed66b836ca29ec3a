/**
 * The payment service: idempotent payments and refunds against an external payment
 * provider.
 */
package com.example.platform.payment;
