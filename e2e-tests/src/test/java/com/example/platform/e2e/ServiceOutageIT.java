package com.example.platform.e2e;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformServices;

import static com.example.platform.e2e.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * user-service goes away (stopped, or killed as in a crash) and comes back: meanwhile the
 * gateway answers {@code 503} problems; afterwards the journey works again and tokens
 * issued before the restart are still valid (the signing key is kept in its schema).
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
