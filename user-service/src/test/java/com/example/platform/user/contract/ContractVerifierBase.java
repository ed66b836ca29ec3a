package com.example.platform.user.contract;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;

import com.example.platform.user.UserServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The one base class of the tests generated from {@code contracts/}: the whole service
 * over real HTTP with real PostgreSQL and real tokens. It arranges the user the contracts
 * ask for.
 */
@UserServiceIntegrationTest
@TestPropertySource(properties = "platform.auth.clients.order-service.secret=contract-secret")
public abstract class ContractVerifierBase {

	/** The user the contracts' lookups find. */
	static final String KNOWN_USER = "7c1f3b5e-0000-4a4a-9c9c-000000000001";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void arrange() {
		RestAssured.baseURI = "http://127.0.0.1";
		RestAssured.port = this.port;
		this.jdbc.sql("""
				insert into user_account (id, email, name, password_hash, created_at)
				values (?::uuid, 'contract-user@example.com', 'Contract User', '{pbkdf2-sha256}unused', ?)
				on conflict (id) do nothing""").params(KNOWN_USER, Timestamp.from(Instant.now())).update();
	}

	/**
	 * @return an {@code Authorization} value with a real service token of the order
	 * service
	 */
	public String internalToken() {
		Map<String, Object> token = RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.post()
			.uri("/oauth2/token")
			.headers(headers -> headers.setBasicAuth("order-service", "contract-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials&scope=internal")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return "Bearer " + token.get("access_token");
	}

}
