package com.example.platform.user.security;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;

import com.example.platform.user.accounts.EmailAddress;
import com.example.platform.user.accounts.UserAccount;
import com.example.platform.user.login.AccessTokens.IssuedToken;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class JwtAccessTokensTests {

	private static final Instant NOW = Instant.now();

	private final RSAKey key = SigningKeys.toJwk(generate());

	private final JwtAccessTokens tokens = new JwtAccessTokens(
			new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(this.key))), "http://issuer.test",
			Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void carriesIssuerSubjectTimesAndAUniqueId() throws Exception {
		UserAccount alice = UserAccount.register(EmailAddress.of("alice@example.com"), "Alice", "h", NOW);
		IssuedToken first = this.tokens.issueFor(alice);
		IssuedToken second = this.tokens.issueFor(alice);

		Jwt jwt = decode(first.value());
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", this.key.getKeyID());
		assertThat(jwt.getIssuer()).hasToString("http://issuer.test");
		assertThat(jwt.getSubject()).isEqualTo(alice.getId().toString());
		assertThat(jwt.getIssuedAt()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
		assertThat(jwt.getId()).isNotBlank().isNotEqualTo(decode(second.value()).getId());
		assertThat(first.expiresIn()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void carriesNoScopeSoAUserTokenIsNeverAServiceToken() throws Exception {
		UserAccount alice = UserAccount.register(EmailAddress.of("alice@example.com"), "Alice", "h", NOW);
		assertThat(decode(this.tokens.issueFor(alice).value()).getClaims()).doesNotContainKeys("scope", "scp");
	}

	private Jwt decode(String token) throws Exception {
		return NimbusJwtDecoder.withPublicKey(this.key.toRSAPublicKey()).build().decode(token);
	}

	private static RSAPrivateKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
