package com.example.platform.support.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.example.platform.testing.time.MutableClock;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

class CachingJwtDecoderTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private final JwtDecoder delegate = mock();

	private final MutableClock clock = new MutableClock(NOW);

	private final CachingJwtDecoder decoder = new CachingJwtDecoder(this.delegate, 100, this.clock);

	@Test
	void verifiesATokenOnceWhileItIsValid() {
		Jwt jwt = jwt(NOW.plusSeconds(300));
		given(this.delegate.decode("token")).willReturn(jwt);

		assertThat(this.decoder.decode("token")).isSameAs(jwt);
		assertThat(this.decoder.decode("token")).isSameAs(jwt);

		then(this.delegate).should(times(1)).decode("token");
	}

	@Test
	void asksTheDelegateAgainOnceTheTokenExpired() {
		given(this.delegate.decode("token")).willReturn(jwt(NOW.plusSeconds(60)))
			.willThrow(new BadJwtException("expired"));
		this.decoder.decode("token");

		this.clock.advance(Duration.ofSeconds(60));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("token"));
		then(this.delegate).should(times(2)).decode("token");
	}

	@Test
	void neverRemembersARefusedToken() {
		given(this.delegate.decode("forged")).willThrow(new BadJwtException("bad signature"));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("forged"));

		then(this.delegate).should(times(2)).decode("forged");
	}

	@Test
	void doesNotRememberATokenWithoutExpiry() {
		given(this.delegate.decode("token")).willReturn(jwt(null));

		this.decoder.decode("token");
		this.decoder.decode("token");

		then(this.delegate).should(times(2)).decode("token");
	}

	@Test
	void usesARememberedTokenOnlyFromItsNotBefore() {
		Jwt early = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("user")
			.notBefore(NOW.plusSeconds(30))
			.expiresAt(NOW.plusSeconds(300))
			.build();
		given(this.delegate.decode("token")).willReturn(early);

		this.decoder.decode("token");
		this.decoder.decode("token");
		then(this.delegate).should(times(2)).decode("token");

		this.clock.advance(Duration.ofSeconds(30));
		this.decoder.decode("token");
		then(this.delegate).should(times(2)).decode("token");
	}

	private static Jwt jwt(Instant expiresAt) {
		Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("user");
		if (expiresAt != null) {
			builder.expiresAt(expiresAt);
		}
		return builder.build();
	}

}
