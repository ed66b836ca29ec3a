package com.example.platform.user.contract;

import java.util.Map;

import com.example.platform.testing.contract.KafkaContractMessaging;
import com.example.platform.user.UserServiceIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.contract.verifier.messaging.boot.AutoConfigureMessageVerifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The base class of the tests generated from {@code contracts/order-service/messaging}:
 * the whole service on the real broker. The trigger registers through the HTTP API, so
 * the event the test reads is the one the real outbox sent.
 */
@UserServiceIntegrationTest
@AutoConfigureMessageVerifier
@KafkaContractMessaging
public abstract class UserEventsContractBase {

	@LocalServerPort
	int port;

	/**
	 * Registers a new account.
	 */
	public void registerUser() {
		RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.build()
			.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", "contract-registered@example.com", "password", "correct horse battery", "name",
					"Contract User"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
