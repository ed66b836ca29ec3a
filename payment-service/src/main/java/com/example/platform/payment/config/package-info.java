/**
 * Configuration properties and Spring wiring of the payment service.
 */
package com.example.platform.payment.config;
