package com.example.platform.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformServices;

import static com.example.platform.e2e.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * user-service goes away (stopped, or killed as in a crash) and comes back: meanwhile the
 * gateway answers {@code 503} problems for its routes, while customers it registered
 * before can still order (order-service knows them from its own replica); afterwards the
 * journey works again and tokens issued before the restart are still valid (the signing
 * key is kept in its schema).
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class ServiceOutageIT {

	@Test
	void answersServiceUnavailableWhileUserServiceIsStoppedAndRecoversAfterItsRestart(Gateway gateway,
			PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		String email = gateway.registerNewUser();
		String tokenBefore = gateway.login(email);

		local.stopService(PlatformServices.USER_SERVICE);
		assertThat(local.process(PlatformServices.USER_SERVICE).isRunning()).isFalse();
		expectUnavailable(gateway, email, tokenBefore);

		local.startService(PlatformServices.USER_SERVICE);
		expectJourneyWorks(gateway, email, tokenBefore);
	}

	@Test
	void answersServiceUnavailableAfterUserServiceIsKilledAndRecoversAfterItsRestart(Gateway gateway,
			PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		String email = gateway.registerNewUser();
		String tokenBefore = gateway.login(email);

		local.killService(PlatformServices.USER_SERVICE);
		assertThat(local.process(PlatformServices.USER_SERVICE).isRunning()).isFalse();
		expectUnavailable(gateway, email, tokenBefore);

		local.startService(PlatformServices.USER_SERVICE);
		expectJourneyWorks(gateway, email, tokenBefore);
	}

	@Test
	void takesTheOrderOfACustomerRegisteredBeforeUserServiceStopped(Gateway gateway, PlatformUnderTest platform) {
		LocalPlatform local = platform.local();
		// order-service has been serving orders, as in any running deployment: it holds
		// the JWK Set and a service token for payment-service, both issued by
		// user-service. (A cold order-service on a loaded machine can miss the gateway's
		// 5 s, so the first order is asked again.)
		String servedBefore = gateway.newUserToken();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> Shop
				.placeOrder(gateway, servedBefore, "e2e-" + UUID.randomUUID(), Shop.beansAndCup("tok_visa"))
				.status() == 201);
		String email = gateway.registerNewUser();
		// Logging in needs user-service: the customer's token is obtained before it
		// stops.
		String token = gateway.login(email);

		local.stopService(PlatformServices.USER_SERVICE);
		try {
			expectUnavailable(gateway, email, token);
			// This customer never ordered before, so order-service never asked about
			// them: it knows them from the UserRegistered event alone (delivered within
			// milliseconds of the registration; waited for here in case it is late).
			AtomicReference<Gateway.Response> placed = new AtomicReference<>();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				placed.set(Shop.placeOrder(gateway, token, "e2e-" + UUID.randomUUID(), Shop.beansAndCup("tok_visa")));
				assertThat(placed.get().status()).as("place order: %s", placed.get()).isEqualTo(201);
			});
			assertThat(placed.get().json().get("status").asString()).isEqualTo("PAID");
			Gateway.Response mine = gateway.get("/api/orders/" + placed.get().json().get("id").asString(), token);
			assertThat(mine.status()).as("%s", mine).isEqualTo(200);
		}
		finally {
			local.startService(PlatformServices.USER_SERVICE);
		}
		expectJourneyWorks(gateway, email, token);
	}

	private static void expectUnavailable(Gateway gateway, String email, String token) {
		JsonNode problem = assertProblem(gateway.get("/api/users/me", token), 503, "service-unavailable");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/users/me");
		assertProblem(gateway.post("/api/auth/login", Map.of("email", email, "password", Gateway.PASSWORD)), 503,
				"service-unavailable");
		assertProblem(
				gateway.post("/api/auth/register",
						Map.of("email", "x" + email, "password", Gateway.PASSWORD, "name", "During outage")),
				503, "service-unavailable");
	}

	private static void expectJourneyWorks(Gateway gateway, String email, String tokenBefore) {
		Gateway.Response withOldToken = gateway.get("/api/users/me", tokenBefore);
		assertThat(withOldToken.status()).as("token issued before the restart: %s", withOldToken).isEqualTo(200);
		assertThat(withOldToken.json().get("email").asString()).isEqualTo(email);
		String newEmail = gateway.registerNewUser();
		Gateway.Response me = gateway.get("/api/users/me", gateway.login(newEmail));
		assertThat(me.status()).as("%s", me).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo(newEmail);
	}

}
