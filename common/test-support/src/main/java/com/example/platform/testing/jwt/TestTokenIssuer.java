package com.example.platform.testing.jwt;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpServer;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Mints tokens shaped like the user service's (RS256, {@code iss}, {@code sub},
 * {@code iat}, {@code exp}, {@code jti}; service tokens carry {@code scope}) with a key
 * generated for this JVM, whose public JWK Set is served from {@code 127.0.0.1}. Also
 * mints the tokens a service must refuse: expired, signed by another key, from another
 * issuer.
 * <p>
 * Use {@link TestTokens} on a Spring test to make its resource server trust this issuer.
 */
public final class TestTokenIssuer {

	/**
	 * The {@code iss} of every token minted here (except {@link #foreignIssuerToken}).
	 */
	public static final String ISSUER = "http://issuer.platform.test";

	/** The scope of the platform's service tokens. */
	public static final String INTERNAL_SCOPE = "internal";

	private static volatile TestTokenIssuer shared;

	private final JwtEncoder trusted;

	private final JwtEncoder forger;

	private final String jwkSetUri;

	private TestTokenIssuer() {
		String keyId = "test-" + UUID.randomUUID();
		RSAKey key = rsaKey(keyId);
		// Same key id, different key: a forgery a careless verifier might accept.
		RSAKey impostor = rsaKey(keyId);
		this.trusted = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		this.forger = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(impostor)));
		this.jwkSetUri = serve(new JWKSet(key).toPublicJWKSet().toString());
	}

	/**
	 * The issuer of this JVM, created on first use; its JWK Set server is a daemon that
	 * ends with the JVM.
	 * @return the shared issuer
	 */
	public static TestTokenIssuer shared() {
		TestTokenIssuer issuer = shared;
		if (issuer == null) {
			synchronized (TestTokenIssuer.class) {
				issuer = shared;
				if (issuer == null) {
					issuer = new TestTokenIssuer();
					shared = issuer;
				}
			}
		}
		return issuer;
	}

	/**
	 * @return the value of {@code iss} in the tokens
	 */
	public String issuer() {
		return ISSUER;
	}

	/**
	 * @return where the public JWK Set is served, on the loopback interface
	 */
	public String jwkSetUri() {
		return this.jwkSetUri;
	}

	/**
	 * A user's access token, valid for 15 minutes.
	 * @param userId the user, as {@code sub}
	 * @return the signed token
	 */
	public String userToken(UUID userId) {
		return token(claims -> claims.subject(userId.toString()));
	}

	/**
	 * A platform service's client-credentials token with scope {@code internal}.
	 * @param clientId the service, as {@code sub}
	 * @return the signed token
	 */
	public String serviceToken(String clientId) {
		return serviceToken(clientId, INTERNAL_SCOPE);
	}

	/**
	 * A client-credentials token with the given scopes.
	 * @param clientId the client, as {@code sub}
	 * @param scopes the scopes
	 * @return the signed token
	 */
	public String serviceToken(String clientId, String... scopes) {
		return token(claims -> claims.subject(clientId).claim("scope", List.of(scopes)));
	}

	/**
	 * A user's token that expired ten minutes ago, beyond any clock-skew allowance.
	 * @param userId the user
	 * @return the signed, expired token
	 */
	public String expiredUserToken(UUID userId) {
		Instant issued = Instant.now().minus(Duration.ofHours(1));
		return token(claims -> claims.subject(userId.toString())
			.issuedAt(issued)
			.expiresAt(Instant.now().minus(Duration.ofMinutes(10))));
	}

	/**
	 * A user's token signed by a key that is not in the JWK Set (with the trusted key's
	 * id).
	 * @param userId the user
	 * @return a token whose signature does not verify
	 */
	public String forgedUserToken(UUID userId) {
		return encode(this.forger, claims -> claims.subject(userId.toString()));
	}

	/**
	 * A correctly signed user token naming another issuer.
	 * @param userId the user
	 * @return a token whose issuer is wrong
	 */
	public String foreignIssuerToken(UUID userId) {
		return token(claims -> claims.subject(userId.toString()).issuer("http://someone-else.test"));
	}

	/**
	 * A signed token with default claims ({@code iss}, {@code iat}, {@code exp} in 15
	 * minutes, {@code jti}) changed by the caller.
	 * @param customizer changes or adds claims
	 * @return the signed token
	 */
	public String token(Consumer<JwtClaimsSet.Builder> customizer) {
		return encode(this.trusted, customizer);
	}

	private static String encode(JwtEncoder encoder, Consumer<JwtClaimsSet.Builder> customizer) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(15)))
			.id(UUID.randomUUID().toString());
		customizer.accept(claims);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
		return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
	}

	private static RSAKey rsaKey(String keyId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(keyId)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	private static String serve(String jwkSetJson) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			byte[] body = jwkSetJson.getBytes(StandardCharsets.UTF_8);
			server.createContext("/jwks", exchange -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			// Daemon threads: the server ends with the test JVM.
			server.setExecutor(command -> {
				Thread thread = new Thread(command, "test-jwks");
				thread.setDaemon(true);
				thread.start();
			});
			server.start();
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot serve the test JWK Set", ex);
		}
	}

}
