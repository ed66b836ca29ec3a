package com.example.platform.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import com.example.platform.local.LocalPlatform;
import com.example.platform.local.PlatformDatabase;
import com.example.platform.local.PlatformServices;

import static com.example.platform.e2e.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens signed with the platform's real key (read from user-service's schema as the
 * database superuser, which only the local platform allows): expired is refused, valid is
 * accepted — so the refusal is about expiry, not the signature.
 */
@Tag("local-platform")
@ExtendWith(PlatformExtension.class)
class PlatformKeyTokensIT {

	@Test
	void refusesAnExpiredTokenSignedWithThePlatformKey(Gateway gateway, PlatformUnderTest platform)
			throws SQLException {
		LocalPlatform local = platform.local();
		gateway.login(gateway.registerNewUser()); // makes sure the key exists
		String key = signingKey(local);
		String issuer = local.url(PlatformServices.USER_SERVICE).toString();

		String expired = Tokens.signedWithPlatformKey(key, issuer, Instant.now().minusSeconds(3600),
				Instant.now().minusSeconds(1800));
		JsonNode problem = assertProblem(gateway.get("/api/users/me", expired), 401, "unauthenticated");
		assertThat(problem.get("detail").asString()).contains("expired");

		String fresh = Tokens.signedWithPlatformKey(key, issuer, Instant.now(), Instant.now().plusSeconds(600));
		// Valid signature, issuer and expiry: the gateway lets it through, and
		// user-service
		// answers for the subject it does not know.
		assertProblem(gateway.get("/api/users/me", fresh), 404, "not-found");
	}

	@Test
	void refusesATokenOfAnotherIssuerSignedWithThePlatformKey(Gateway gateway, PlatformUnderTest platform)
			throws SQLException {
		gateway.login(gateway.registerNewUser());
		String foreign = Tokens.signedWithPlatformKey(signingKey(platform.local()), "http://someone-else.example",
				Instant.now(), Instant.now().plusSeconds(600));
		assertProblem(gateway.get("/api/users/me", foreign), 401, "unauthenticated");
	}

	private static String signingKey(LocalPlatform local) throws SQLException {
		try (Connection admin = local.database().adminConnection(PlatformDatabase.DATABASE);
				Statement statement = admin.createStatement();
				ResultSet rows = statement
					.executeQuery("select private_key from users.signing_key where id = 'generated'")) {
			assertThat(rows.next()).as("user-service stored its generated key").isTrue();
			return rows.getString(1);
		}
	}

}
