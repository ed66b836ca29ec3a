package com.example.platform.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.example.platform.testing.time.MutableClock;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

	private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private final CountingDecoder delegate = new CountingDecoder(this.clock);

	private final VerifiedTokenCache cache = new VerifiedTokenCache(this.delegate, 100, Duration.ofMinutes(5),
			this.clock);

	@Test
	void checksATokenOnceWhileItIsUnexpired() {
		this.delegate.accept("a", NOW.plusSeconds(600));
		Jwt first = this.cache.decode("a").block();
		this.clock.advance(Duration.ofSeconds(30));
		Jwt second = this.cache.decode("a").block();
		assertThat(second).isSameAs(first);
		assertThat(this.delegate.calls("a")).isEqualTo(1);
	}

	@Test
	void checksATokenAgainOnceItHasExpiredAndRefusesItThen() {
		this.delegate.accept("a", NOW.plusSeconds(60));
		this.cache.decode("a").block();
		this.clock.advance(Duration.ofSeconds(60));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.cache.decode("a").block());
		assertThat(this.delegate.calls("a")).isEqualTo(2);
	}

	@Test
	void neverServesATokenFromMemoryAtOrAfterItsExpiry() {
		this.delegate.accept("a", NOW.plusSeconds(60));
		this.cache.decode("a").block();
		this.clock.advance(Duration.ofSeconds(59));
		this.cache.decode("a").block();
		assertThat(this.delegate.calls("a")).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.cache.decode("a").block());
	}

	@Test
	void neverRemembersARefusedToken() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.cache.decode("forged").block());
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.cache.decode("forged").block());
		assertThat(this.delegate.calls("forged")).isEqualTo(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void neverRemembersATokenWithoutExpiry() {
		this.delegate.accept("eternal", null);
		this.cache.decode("eternal").block();
		this.cache.decode("eternal").block();
		assertThat(this.delegate.calls("eternal")).isEqualTo(2);
	}

	@Test
	void checksALongLivedTokenAgainAfterTheMaximumAge() {
		this.delegate.accept("a", NOW.plusSeconds(3600));
		this.cache.decode("a").block();
		this.clock.advance(Duration.ofMinutes(5));
		this.cache.decode("a").block();
		assertThat(this.delegate.calls("a")).isEqualTo(2);
	}

	@Test
	void keysByTheWholeTokenText() {
		this.delegate.accept("a", NOW.plusSeconds(600));
		this.delegate.accept("a ", NOW.plusSeconds(600));
		this.cache.decode("a").block();
		this.cache.decode("a ").block();
		assertThat(this.delegate.calls("a")).isEqualTo(1);
		assertThat(this.delegate.calls("a ")).isEqualTo(1);
	}

	@Test
	void holdsNoMoreThanTheMaximumNumberOfTokens() {
		VerifiedTokenCache small = new VerifiedTokenCache(this.delegate, 2, Duration.ofMinutes(5), this.clock);
		for (int i = 0; i < 10; i++) {
			this.delegate.accept("t" + i, NOW.plusSeconds(600));
			small.decode("t" + i).block();
		}
		assertThat(small.size()).isLessThanOrEqualTo(2);
	}

	/**
	 * Stands in for the signature-checking decoder: accepts the tokens it was told to
	 * while they are unexpired, counts how often each is checked.
	 */
	private static final class CountingDecoder implements ReactiveJwtDecoder {

		private final Clock clock;

		private final Map<String, Instant> accepted = new HashMap<>();

		private final Map<String, Integer> calls = new HashMap<>();

		CountingDecoder(Clock clock) {
			this.clock = clock;
		}

		void accept(String token, Instant expiresAt) {
			this.accepted.put(token, expiresAt);
		}

		int calls(String token) {
			return this.calls.getOrDefault(token, 0);
		}

		@Override
		public Mono<Jwt> decode(String token) {
			this.calls.merge(token, 1, Integer::sum);
			if (!this.accepted.containsKey(token)) {
				return Mono.error(new BadJwtException("Signed JWT rejected: Invalid signature"));
			}
			Instant expiresAt = this.accepted.get(token);
			if (expiresAt != null && !this.clock.instant().isBefore(expiresAt)) {
				return Mono.error(new JwtValidationException("Jwt expired at " + expiresAt,
						List.of(new OAuth2Error("invalid_token", "Jwt expired at " + expiresAt, null))));
			}
			Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("user").issuedAt(NOW);
			if (expiresAt != null) {
				jwt.expiresAt(expiresAt);
			}
			return Mono.just(jwt.build());
		}

	}

}
