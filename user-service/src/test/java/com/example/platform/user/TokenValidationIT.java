package com.example.platform.user;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.platform.user.security.SigningKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every token the service accepts or refuses: its own users' tokens, service tokens from
 * the client-credentials endpoint, and expired, forged, unsigned and foreign ones.
 */
@UserServiceIntegrationTest
class TokenValidationIT {

	private static final String ISSUER = "http://issuer.test";

	@LocalServerPort
	int port;

	@Autowired
	JWKSource<SecurityContext> jwkSource;

	@Autowired
	JdbcClient jdbc;

	private RestTestClient client;

	private String userId;

	@BeforeEach
	void registerAUser() {
		this.client = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
		String location = this.client.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", AccountJourneyIT.unique("tokens"), "password", "long enough", "name", "T"))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		this.userId = location.replace("/api/users/", "");
	}

	@Test
	void acceptsATokenSignedWithThePlatformKey() {
		meWith(sign(claims(this.userId).build())).expectStatus().isOk();
	}

	@Test
	void refusesAnExpiredToken() {
		Instant past = Instant.now().minus(Duration.ofHours(1));
		String token = sign(claims(this.userId).issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(15))).build());
		meWith(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The bearer token has expired: log in again for a new one.");
	}

	@Test
	void refusesATokenFromAnotherIssuer() {
		assertInvalid(sign(claims(this.userId).issuer("http://elsewhere.test").build()));
	}

	@Test
	void refusesATokenSignedByAnotherKeyEvenWithThePlatformsKeyId() throws Exception {
		RSAKey platformKey = platformKey();
		RSAKey impostor = new RSAKey.Builder(this.impostorPublic).privateKey(this.impostorPrivate)
			.keyID(platformKey.getKeyID())
			.build();
		String forged = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(impostor))).encode(
				JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId(impostor.getKeyID()).build(),
						claims(this.userId).build()))
			.getTokenValue();
		assertInvalid(forged);
	}

	@Test
	void refusesAnUnsignedAlgNoneToken() {
		String unsigned = new PlainJWT(new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(this.userId)
			.issueTime(new java.util.Date())
			.expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
			.build()).serialize();
		assertThat(unsigned).endsWith(".");
		assertInvalid(unsigned);
	}

	@Test
	void refusesAnHmacTokenMadeWithThePublicKey() throws Exception {
		// The classic algorithm-confusion attack: HS256 keyed with the (public) RSA
		// modulus.
		SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.subject(this.userId)
					.expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
					.build());
		hmac.sign(new MACSigner(platformKey().toRSAPublicKey().getModulus().toByteArray()));
		assertInvalid(hmac.serialize());
	}

	@Test
	void refusesGarbageAndAMissingToken() {
		assertInvalid("not.a.jwt");
		this.client.get()
			.uri("/api/users/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Authentication required: send a valid bearer token in the Authorization header.");
	}

	@Test
	void issuesServiceTokensThatMayReadAnyUser() {
		Map<String, Object> token = this.client.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("test-service", "test-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials&scope=internal")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(token).containsEntry("token_type", "Bearer").containsEntry("scope", "internal");
		String accessToken = token.get("access_token").toString();
		Map<?, ?> claims = decodePayload(accessToken);
		assertThat(claims.get("iss")).isEqualTo(ISSUER);
		assertThat(claims.get("sub")).isEqualTo("test-service");
		assertThat(claims.get("scope")).isEqualTo(List.of("internal"));

		this.client.get()
			.uri("/api/users/{id}", this.userId)
			.header("Authorization", "Bearer " + accessToken)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(this.userId);
		this.client.get()
			.uri("/api/users/{id}", UUID.randomUUID())
			.header("Authorization", "Bearer " + accessToken)
			.exchange()
			.expectStatus()
			.isNotFound();
		// A service is not a user: it has no "me".
		meWith(accessToken).expectStatus().isNotFound();
	}

	@Test
	void refusesAServiceWithTheWrongSecret() {
		this.client.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("test-service", "wrong-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials&scope=internal")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void publishesOnlyThePublicHalfOfTheKeyAndKeepsItAcrossRestarts() throws Exception {
		Map<String, Object> jwks = this.client.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		JWKSet published = JWKSet.parse(jwks);
		assertThat(published.getKeys()).hasSize(1);
		assertThat(published.getKeys().get(0).isPrivate()).isFalse();
		List<String> members = ((List<?>) jwks.get("keys")).stream()
			.flatMap(key -> ((Map<?, ?>) key).keySet().stream())
			.map(String::valueOf)
			.toList();
		assertThat(members).contains("kty", "n", "e", "kid").doesNotContain("d", "p", "q", "dp", "dq", "qi");
		// What a restarted instance would load: the same key, so earlier tokens stay
		// valid.
		assertThat(SigningKeys.load(null, this.jdbc).getKeyID()).isEqualTo(published.getKeys().get(0).getKeyID());
	}

	private final RSAPrivateKey impostorPrivate;

	private final java.security.interfaces.RSAPublicKey impostorPublic;

	TokenValidationIT() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		java.security.KeyPair pair = generator.generateKeyPair();
		this.impostorPrivate = (RSAPrivateKey) pair.getPrivate();
		this.impostorPublic = (java.security.interfaces.RSAPublicKey) pair.getPublic();
	}

	private RSAKey platformKey() throws Exception {
		return (RSAKey) this.jwkSource
			.get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()), null)
			.get(0);
	}

	private JwtClaimsSet.Builder claims(String subject) {
		Instant now = Instant.now();
		return JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(5)))
			.id(UUID.randomUUID().toString());
	}

	private String sign(JwtClaimsSet claims) {
		return new NimbusJwtEncoder(this.jwkSource)
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private RestTestClient.ResponseSpec meWith(String token) {
		return this.client.get().uri("/api/users/me").header("Authorization", "Bearer " + token).exchange();
	}

	private void assertInvalid(String token) {
		meWith(token).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://platform.example/problems/unauthenticated")
			.jsonPath("$.detail")
			.isEqualTo(
					"The bearer token is invalid: it is malformed, not signed by the platform, or not issued for it.");
	}

	private static Map<?, ?> decodePayload(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
				java.nio.charset.StandardCharsets.UTF_8);
		return tools.jackson.databind.json.JsonMapper.builder().build().readValue(payload, Map.class);
	}

}
