package com.example.platform.user.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * Finds the RSA key tokens are signed with: the configured one, or else the one generated
 * on the first start and kept in this service's schema. Keeping it means a restart (or a
 * second instance) signs with the same key, so tokens issued before stay valid.
 * Production deployments configure a key from their secret store instead.
 */
public final class SigningKeys {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private static final String GENERATED_ID = "generated";

	private SigningKeys() {
	}

	/**
	 * @param configured a PKCS#8 PEM resource, or {@code null}
	 * @param jdbc access to the service's schema
	 * @return the signing key with its public half and key id
	 */
	public static RSAKey load(Resource configured, JdbcClient jdbc) {
		if (configured != null) {
			try (InputStream pem = configured.getInputStream()) {
				logger.info("Signing tokens with the configured key " + configured.getDescription());
				return toJwk(RsaKeyConverters.pkcs8().convert(pem));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the signing key " + configured.getDescription(), ex);
			}
		}
		Optional<String> stored = storedKey(jdbc);
		if (stored.isEmpty()) {
			String generated = Base64.getEncoder().encodeToString(generate().getEncoded());
			// Two instances starting together: the first insert wins, both then read the
			// winner.
			jdbc.sql(
					"insert into signing_key (id, private_key, created_at) values (?, ?, ?) on conflict (id) do nothing")
				.params(GENERATED_ID, generated, java.sql.Timestamp.from(Instant.now()))
				.update();
			stored = storedKey(jdbc);
			logger.info("No signing key configured: generated one and stored it in the service's schema");
		}
		return toJwk(decode(stored.orElseThrow()));
	}

	private static Optional<String> storedKey(JdbcClient jdbc) {
		return jdbc.sql("select private_key from signing_key where id = ?")
			.param(GENERATED_ID)
			.query(String.class)
			.optional();
	}

	private static RSAPrivateKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return (RSAPrivateKey) generator.generateKeyPair().getPrivate();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	private static RSAPrivateKey decode(String base64) {
		try {
			return (RSAPrivateKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The stored signing key cannot be decoded", ex);
		}
	}

	static RSAKey toJwk(RSAPrivateKey privateKey) {
		if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
			throw new IllegalStateException("The signing key must be a full RSA private key (PKCS#8 with CRT values)");
		}
		try {
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
			return new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint()
				.build();
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException("Cannot derive the public signing key", ex);
		}
	}

}
