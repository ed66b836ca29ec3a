package com.example.platform.testing.jwt;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tokens, checked the way a service checks them: signature against the served JWK
 * Set, then issuer and expiry.
 */
class TestTokenIssuerTests {

	private final TestTokenIssuer issuer = TestTokenIssuer.shared();

	private final NimbusJwtDecoder decoder = decoder();

	private NimbusJwtDecoder decoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.issuer.jwkSetUri()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(this.issuer.issuer()));
		return decoder;
	}

	@Test
	void userAndServiceTokensAreShapedLikeThePlatformsAndVerify() {
		UUID user = UUID.randomUUID();
		Jwt userToken = this.decoder.decode(this.issuer.userToken(user));
		assertThat(userToken.getSubject()).isEqualTo(user.toString());
		assertThat(userToken.getId()).isNotBlank();
		assertThat(userToken.getClaims()).doesNotContainKey("scope");
		assertThat(userToken.getHeaders()).containsEntry("alg", "RS256");
		Jwt serviceToken = this.decoder.decode(this.issuer.serviceToken("order-service"));
		assertThat(serviceToken.getSubject()).isEqualTo("order-service");
		assertThat(serviceToken.getClaimAsStringList("scope")).containsExactly("internal");
	}

	@Test
	void expiredForeignAndForgedTokensAreRefused() {
		UUID user = UUID.randomUUID();
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.decoder.decode(this.issuer.expiredUserToken(user)))
			.withMessageContaining("expired");
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> this.decoder.decode(this.issuer.foreignIssuerToken(user)));
		assertThatException().isThrownBy(() -> this.decoder.decode(this.issuer.forgedUserToken(user)));
	}

	@Test
	void jwkSetIsServedOnTheLoopbackInterface() {
		assertThat(this.issuer.jwkSetUri()).startsWith("http://127.0.0.1:");
	}

}
