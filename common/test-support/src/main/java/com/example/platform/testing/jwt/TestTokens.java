package com.example.platform.testing.jwt;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the annotated Spring test's resource server trust
 * {@link TestTokenIssuer#shared()}: sets
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} to its JWK Set and
 * {@code issuer-uri} to its issuer, so tokens are checked exactly as in production
 * (signature against the JWK Set, issuer, expiry).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface TestTokens {

}
