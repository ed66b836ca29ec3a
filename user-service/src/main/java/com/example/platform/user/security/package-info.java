/**
 * Token issuing: the signing key, users' JWTs, and the client-credentials endpoint's
 * parts.
 */
package com.example.platform.user.security;
