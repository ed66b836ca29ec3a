/**
 * Configuration properties of the gateway.
 */
package com.example.platform.gateway.config;
