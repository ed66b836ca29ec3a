package com.example.platform.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Checks each distinct bearer token once instead of on every request: a token whose
 * signature, issuer and expiry the delegate accepted is remembered, keyed by the whole
 * token text, and served from memory while it is still unexpired. The RSA signature check
 * is the largest single cost of a proxied request, and a client sends the same token many
 * times.
 * <p>
 * What stays as strict as checking every time: only tokens the delegate accepted are
 * remembered (a refused token is checked again each time); a remembered token is used
 * only while the clock is before its {@code exp}, with no clock skew, so the cache never
 * accepts a token the delegate would refuse as expired; a token without {@code exp} is
 * never remembered; an entry lives at most {@code maxAge}, after which the token is
 * checked against the current signing keys again; and the number of tokens is bounded,
 * the least recently used going first.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;

	private final Cache<String, Jwt> verified;

	private final Clock clock;

	/**
	 * @param delegate checks tokens the cache does not hold
	 * @param maxEntries the most tokens held
	 * @param maxAge the longest a token is held, however far away its expiry is
	 * @param clock the time the expiry is compared with
	 */
	VerifiedTokenCache(ReactiveJwtDecoder delegate, long maxEntries, Duration maxAge, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.expireAfter(new UntilExpiry(maxAge, clock))
			.ticker(() -> clock.millis() * 1_000_000L)
			// Evictions run on the calling thread: no extra pool, and tests see them at
			// once.
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt jwt = this.verified.getIfPresent(token);
		if (jwt != null) {
			if (isUnexpired(jwt, this.clock.instant())) {
				return Mono.just(jwt);
			}
			this.verified.invalidate(token);
		}
		return this.delegate.decode(token).doOnNext((decoded) -> remember(token, decoded));
	}

	private void remember(String token, Jwt jwt) {
		if (isUnexpired(jwt, this.clock.instant())) {
			this.verified.put(token, jwt);
		}
	}

	/**
	 * @return how many tokens are held now
	 */
	long size() {
		this.verified.cleanUp();
		return this.verified.estimatedSize();
	}

	private static boolean isUnexpired(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && now.isBefore(expiresAt);
	}

	/** An entry expires with its token, or after the maximum age if that comes first. */
	private record UntilExpiry(Duration maxAge, Clock clock) implements Expiry<String, Jwt> {

		@Override
		public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
			Instant expiresAt = jwt.getExpiresAt();
			if (expiresAt == null) {
				return 0;
			}
			Duration untilExpiry = Duration.between(this.clock.instant(), expiresAt);
			return Math.max(0, Math.min(untilExpiry.toNanos(), this.maxAge.toNanos()));
		}

		@Override
		public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
			return expireAfterCreate(token, jwt, currentTime);
		}

		@Override
		public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
