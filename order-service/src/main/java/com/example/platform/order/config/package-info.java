/**
 * Configuration properties and Spring wiring of the order service.
 */
package com.example.platform.order.config;
