/**
 * The JWT resource-server setup every service applies to its filter chain.
 */
package com.example.platform.support.security;
