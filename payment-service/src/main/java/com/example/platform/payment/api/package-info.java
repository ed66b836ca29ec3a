/**
 * The payment service's HTTP API: controller, request and response records, problem
 * mapping.
 */
package com.example.platform.payment.api;
