/**
 * Bearer-token checks at the edge, with problem+json for 401, 403 and unreachable keys.
 */
package com.example.platform.gateway.security;
