package com.example.platform.payment;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.payment.ApiClient.Answer;
import com.example.platform.testing.jwt.TestTokenIssuer;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, with real tokens checked against the issuer's JWK Set: the owner and
 * the platform's services read a payment, anyone else learns nothing; only services
 * create payments and refunds; missing, expired, forged and foreign tokens get 401.
 */
@PaymentServiceIntegrationTest
class PaymentAccessIT {

	private final TestTokenIssuer tokens = TestTokenIssuer.shared();

	private final String service = this.tokens.serviceToken("order-service");

	@LocalServerPort
	int port;

	private ApiClient api() {
		return new ApiClient(this.port);
	}

	private Answer createFor(UUID userId, UUID orderId) {
		Answer answer = api().post("/api/payments", this.service, PaymentRequests.newKey(),
				PaymentRequests.createBody(orderId, userId, 1500, "EUR", "tok_visa"));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		return answer;
	}

	@Test
	void ownerReadsTheirPaymentByIdAndByOrder() {
		UUID owner = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		String id = createFor(owner, orderId).json("$.id");
		Answer byId = api().get("/api/payments/" + id, this.tokens.userToken(owner));
		assertThat(byId.status()).isEqualTo(200);
		assertThat(byId.<String>json("$.id")).isEqualTo(id);
		Answer byOrder = api().get("/api/payments?orderId=" + orderId, this.tokens.userToken(owner));
		assertThat(byOrder.status()).isEqualTo(200);
		assertThat(byOrder.<List<String>>json("$[*].id")).containsExactly(id);
	}

	@Test
	void anotherUserLearnsNothingAboutAPayment() {
		UUID orderId = UUID.randomUUID();
		String id = createFor(UUID.randomUUID(), orderId).json("$.id");
		String stranger = this.tokens.userToken(UUID.randomUUID());
		Answer byId = api().get("/api/payments/" + id, stranger);
		String unknownId = UUID.randomUUID().toString();
		Answer unknown = api().get("/api/payments/" + unknownId, stranger);
		assertThat(byId.status()).isEqualTo(404);
		assertThat(byId.contentType()).startsWith("application/problem+json");
		// Indistinguishable from a payment that does not exist.
		assertThat(byId.body().replace(id, "ID")).isEqualTo(unknown.body().replace(unknownId, "ID"));
		Answer byOrder = api().get("/api/payments?orderId=" + orderId, stranger);
		assertThat(byOrder.status()).isEqualTo(404);
		assertThat(byOrder.<String>json("$.type")).isEqualTo("https://platform.example/problems/not-found");
	}

	@Test
	void servicesReadEveryPaymentOfAnOrderOldestFirst() {
		UUID owner = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		String first = api()
			.post("/api/payments", this.service, PaymentRequests.newKey(),
					PaymentRequests.createBody(orderId, owner, 1500, "EUR", "tok_chargeDeclined"))
			.json("$.id");
		String second = createFor(owner, orderId).json("$.id");
		Answer byOrder = api().get("/api/payments?orderId=" + orderId, this.tokens.serviceToken("any-service"));
		assertThat(byOrder.<List<String>>json("$[*].id")).containsExactly(first, second);
		assertThat(byOrder.<List<String>>json("$[*].status")).containsExactly("DECLINED", "APPROVED");
	}

	@Test
	void usersCannotCreatePaymentsOrRefunds() {
		UUID owner = UUID.randomUUID();
		String userToken = this.tokens.userToken(owner);
		Answer create = api().post("/api/payments", userToken, PaymentRequests.newKey(),
				PaymentRequests.createBody(owner, "tok_visa"));
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.<String>json("$.type")).isEqualTo("https://platform.example/problems/forbidden");
		String id = createFor(owner, UUID.randomUUID()).json("$.id");
		Answer refund = api().post("/api/payments/" + id + "/refunds", userToken, PaymentRequests.newKey(),
				PaymentRequests.refundBody(100, "EUR"));
		assertThat(refund.status()).isEqualTo(403);
		// A service token without the internal scope is no better.
		Answer scoped = api().post("/api/payments", this.tokens.serviceToken("reporting", "read"),
				PaymentRequests.newKey(), PaymentRequests.createBody(owner, "tok_visa"));
		assertThat(scoped.status()).isEqualTo(403);
	}

	@Test
	void refusesMissingExpiredForgedAndForeignTokens() {
		UUID owner = UUID.randomUUID();
		String id = createFor(owner, UUID.randomUUID()).json("$.id");
		for (String token : new String[] { null, this.tokens.expiredUserToken(owner),
				this.tokens.forgedUserToken(owner), this.tokens.foreignIssuerToken(owner), "not-a-jwt" }) {
			Answer answer = api().get("/api/payments/" + id, token);
			assertThat(answer.status()).as(String.valueOf(token)).isEqualTo(401);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.<String>json("$.type")).isEqualTo("https://platform.example/problems/unauthenticated");
		}
		Answer create = api().post("/api/payments", null, PaymentRequests.newKey(),
				PaymentRequests.createBody(owner, "tok_visa"));
		assertThat(create.status()).isEqualTo(401);
	}

	@Test
	void expiredTokenIsToldApart() {
		UUID owner = UUID.randomUUID();
		Answer answer = api().get("/api/payments/" + UUID.randomUUID(), this.tokens.expiredUserToken(owner));
		assertThat(answer.<String>json("$.detail")).contains("expired");
	}

}
