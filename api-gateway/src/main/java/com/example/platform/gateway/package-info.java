/**
 * The API gateway: Spring Cloud Gateway (WebFlux) in front of the platform's services.
 */
package com.example.platform.gateway;
