package com.example.platform.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each bearer token once: a token that passed its signature, issuer and
 * timestamp checks is remembered (a bounded cache, keyed by the whole token) until it
 * expires, so a client or a service calling again with the same token does not pay for
 * another RSA verification and JSON parse. Caching never accepts what the delegate would
 * refuse: a token is only cached after the delegate accepted it, a hit is used only
 * before the token's {@code exp} (without the delegate's clock-skew allowance), and
 * everything else goes to the delegate. Failures are never cached.
 */
public final class CachingJwtDecoder implements JwtDecoder {

	private final JwtDecoder delegate;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	/**
	 * @param delegate the decoder that verifies (signature, issuer, timestamps)
	 * @param maximumSize how many verified tokens to remember at most
	 * @param clock the time source for expiry
	 */
	public CachingJwtDecoder(JwtDecoder delegate, long maximumSize, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null && isLive(known, this.clock.instant())) {
			return known;
		}
		Jwt jwt = this.delegate.decode(token);
		if (jwt.getExpiresAt() != null) {
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	private static boolean isLive(Jwt jwt, Instant now) {
		Instant notBefore = jwt.getNotBefore();
		return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())
				&& (notBefore == null || !now.isBefore(notBefore));
	}

	private static Duration untilExpiry(Jwt jwt, Clock clock) {
		Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

}
