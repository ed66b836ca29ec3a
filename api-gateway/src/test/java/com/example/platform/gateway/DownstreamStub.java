package com.example.platform.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A stand-in for the user service on a loopback port: publishes a JWK Set, signs tokens
 * with its key, and answers the routed paths by describing what it received, so tests can
 * see exactly what the gateway forwarded.
 */
final class DownstreamStub implements AutoCloseable {

	static final String ISSUER = "http://issuer.test";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final RSAKey key = newKey();

	private final CountDownLatch releaseSlow = new CountDownLatch(1);

	private final AtomicReference<Map<String, String>> lastHeaders = new AtomicReference<>();

	private final AtomicReference<Integer> lastBodyLength = new AtomicReference<>();

	private final String name;

	DownstreamStub() throws IOException {
		this("user-service");
	}

	/**
	 * @param name the service it stands in for; every described answer names it
	 */
	DownstreamStub(String name) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Headers of the last request that reached the stub, names in lower case. */
	Map<String, String> lastHeaders() {
		return this.lastHeaders.get();
	}

	Integer lastBodyLength() {
		return this.lastBodyLength.get();
	}

	String token(Instant issuedAt, Instant expiresAt, String issuer) {
		return sign(this.key, issuedAt, expiresAt, issuer);
	}

	String validToken() {
		return token(Instant.now(), Instant.now().plusSeconds(600), ISSUER);
	}

	/** A well-formed token signed by a key the platform does not know. */
	static String forgedToken() {
		return sign(newKey(), Instant.now(), Instant.now().plusSeconds(600), ISSUER);
	}

	private static String sign(RSAKey key, Instant issuedAt, Instant expiresAt, String issuer) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(issuer)
			.subject(UUID.randomUUID().toString())
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.id(UUID.randomUUID().toString())
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private static RSAKey newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
				.keyUse(KeyUse.SIGNATURE)
				.keyID(UUID.randomUUID().toString())
				.build();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			Map<String, String> headers = new LinkedHashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (path.equals("/oauth2/jwks")) {
				respond(exchange, 200, "application/json", new JWKSet(this.key.toPublicJWK()).toString());
				return;
			}
			this.lastHeaders.set(headers);
			this.lastBodyLength.set(body.length);
			switch (path) {
				case "/api/users/slow" -> {
					awaitRelease();
					respond(exchange, 200, "application/json", "{\"slow\":true}");
				}
				case "/api/users/conflict" -> respond(exchange, 409, "application/problem+json",
						"{\"type\":\"https://platform.example/problems/conflict\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"from the service\"}");
				case "/api/auth/register" -> respond(exchange, 201, "application/json", describe(path, headers, body));
				case "/api/users/read-only" -> {
					if ("GET".equals(exchange.getRequestMethod())) {
						respond(exchange, 200, "application/json", describe(path, headers, body));
					}
					else {
						// As a service answers a method it has no operation for.
						exchange.getResponseHeaders().set("Allow", "GET");
						respond(exchange, 405, "application/problem+json",
								"{\"type\":\"https://platform.example/problems/method-not-allowed\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":\"from the service\"}");
					}
				}
				default -> respond(exchange, 200, "application/json", describe(path, headers, body));
			}
		}
	}

	private void awaitRelease() {
		try {
			// Holds the answer until the test ends, well past the gateway's response
			// timeout.
			this.releaseSlow.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String describe(String path, Map<String, String> headers, byte[] body) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("service", this.name);
		description.put("path", path);
		description.put("bodyLength", body.length);
		description.put("requestId", headers.get("x-request-id"));
		return json.writeValueAsString(description);
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("X-Request-Id", "set-by-the-service");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.releaseSlow.countDown();
		this.server.stop(0);
	}

}
