/**
 * Configuration properties and Spring wiring of the user service.
 */
package com.example.platform.user.config;
