package com.example.platform.user.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeysTests {

	@Test
	void usesAConfiguredPkcs8PemKeyWithItsPublicHalfAndAThumbprintKeyId() throws Exception {
		RSAPrivateKey privateKey = generate();
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(privateKey.getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";

		RSAKey key = SigningKeys.load(new ByteArrayResource(pem.getBytes(StandardCharsets.US_ASCII)), null);

		assertThat(key.toRSAPrivateKey().getModulus()).isEqualTo(privateKey.getModulus());
		assertThat(key.toRSAPublicKey().getModulus()).isEqualTo(privateKey.getModulus());
		assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
		assertThat(key.toPublicJWK().isPrivate()).isFalse();
	}

	@Test
	void refusesAKeyWithoutItsCrtValues() {
		assertThatIllegalStateException().isThrownBy(() -> SigningKeys.toJwk(new RSAPrivateKey() {

			@Override
			public java.math.BigInteger getPrivateExponent() {
				return java.math.BigInteger.ONE;
			}

			@Override
			public String getAlgorithm() {
				return "RSA";
			}

			@Override
			public String getFormat() {
				return null;
			}

			@Override
			public byte[] getEncoded() {
				return null;
			}

			@Override
			public java.math.BigInteger getModulus() {
				return java.math.BigInteger.TEN;
			}

		}));
	}

	private static RSAPrivateKey generate() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
	}

}
