/**
 * Tokens shaped like the platform's (RS256, issuer, user or service subject), signed by a
 * test key whose JWK Set is served on the loopback interface, for services under test.
 */
package com.example.platform.testing.jwt;
