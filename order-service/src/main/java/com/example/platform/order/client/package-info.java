/**
 * Adapters to the user and payment services over HTTP, with this service's own wire
 * records.
 */
package com.example.platform.order.client;
