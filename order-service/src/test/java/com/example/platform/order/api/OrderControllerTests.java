package com.example.platform.order.api;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.platform.order.config.SecurityConfiguration;
import com.example.platform.order.ordering.DependencyUnavailableException;
import com.example.platform.order.ordering.Order;
import com.example.platform.order.ordering.OrderNotFoundException;
import com.example.platform.order.ordering.OrderRules;
import com.example.platform.order.ordering.OrderService;
import com.example.platform.order.ordering.Orders;
import com.example.platform.order.ordering.UnknownUserException;
import com.example.platform.order.ordering.UnorderableItemsException;
import com.example.platform.support.ServiceSupportAutoConfiguration;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.idempotency.IdempotencyKeyReusedException;
import com.example.platform.support.idempotency.RequestInFlightException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

@WebMvcTest(OrderController.class)
@Import(SecurityConfiguration.class)
@ImportAutoConfiguration(ServiceSupportAutoConfiguration.class)
class OrderControllerTests {

	private static final String PROBLEMS = "https://platform.example/problems/";

	private static final String VALID = """
			{"items": [{"sku": "ESPRESSO-CUP", "quantity": 2}], "paymentMethod": "tok_visa"}""";

	private final UUID userId = UUID.randomUUID();

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private OrderService orders;

	@MockitoBean
	private JwtDecoder jwtDecoder;

	@Test
	void answersAPaidOrderWithCreatedAndRemembersTheAnswer() {
		Order paid = Orders.paid();
		given(this.orders.place(eq(this.userId), eq(new IdempotencyKey("key-1")), any(), eq("tok_visa")))
			.willReturn(paid.snapshot());

		MvcTestResult result = place("key-1", VALID);

		assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/orders/" + paid.getId());
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PAID");
		assertThat(result).bodyJson().extractingPath("$.total.amount").isEqualTo(5880);
		assertThat(result).bodyJson().extractingPath("$.total.currency").isEqualTo("EUR");
	}

	@Test
	void answersAPendingPaymentWithAcceptedAndALocationToPoll() {
		Order pending = Orders.pending();
		given(this.orders.place(any(), any(), any(), any())).willReturn(pending.snapshot());

		MvcTestResult result = place("key-2", VALID);

		assertThat(result).hasStatus(HttpStatus.ACCEPTED).hasHeader("Location", "/api/orders/" + pending.getId());
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("PAYMENT_PENDING");
	}

	@Test
	void refusesAKeyReusedForAnotherRequest() {
		given(this.orders.place(any(), any(), any(), any())).willThrow(new IdempotencyKeyReusedException());
		assertProblem(place("key-4", VALID), HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
	}

	@Test
	void asksToRetryAfterTheLeaseWhileTheSameRequestIsInFlight() {
		// Behaviour changed on purpose: 409 request-in-flight with Retry-After, as
		// payment-service answers, instead of a bare 409 conflict.
		given(this.orders.place(any(), any(), any(), any()))
			.willThrow(new RequestInFlightException(Duration.ofMillis(7_200)));
		MvcTestResult result = place("key-5", VALID);
		assertProblem(result, HttpStatus.CONFLICT, "request-in-flight");
		assertThat(result).hasHeader("Retry-After", "8");
	}

	@Test
	void answersServiceUnavailableWhenTheUserServiceIsDown() {
		given(this.orders.place(any(), any(), any(), any()))
			.willThrow(new DependencyUnavailableException("user service", new RuntimeException()));

		MvcTestResult result = place("key-6", VALID);

		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable");
		assertThat(result).hasHeader("Retry-After", "5");
	}

	@Test
	void refusesAnUnknownUser() {
		given(this.orders.place(any(), any(), any(), any())).willThrow(new UnknownUserException());
		assertProblem(place("key-7", VALID), HttpStatus.UNPROCESSABLE_CONTENT, "unknown-user");
	}

	@Test
	void namesUnknownSkusAndMixedCurrencies() {
		given(this.orders.place(any(), any(), any(), any()))
			.willThrow(new UnorderableItemsException("Some items cannot be ordered.",
					List.of(new OrderRules.Violation("items[0].sku", "is not a known product"))));
		MvcTestResult result = place("key-8", """
				{"items": [{"sku": "NOPE", "quantity": 1}], "paymentMethod": "tok_visa"}""");
		assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT, "unorderable-items");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("items[0].sku");
	}

	@Test
	void requiresAnIdempotencyKey() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/orders")
			.with(user())
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST, "bad-request");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("Idempotency-Key");
	}

	@Test
	void refusesAnIdempotencyKeyThatIsTooLongOrHasSpaces() {
		for (String key : new String[] { "k".repeat(256), "with space" }) {
			MvcTestResult result = place(key, VALID);
			assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
		}
	}

	@Test
	void namesTheBodysFieldsWhenTheKeyIsValidatedToo() {
		MvcTestResult result = place("key-f", """
				{"items": [{"sku": "ESPRESSO-CUP", "quantity": 0}]}""");
		assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("items[0].quantity", "paymentMethod");
	}

	@Test
	void refusesBadItems() {
		for (String body : new String[] { """
				{"items": [], "paymentMethod": "tok_visa"}""", """
				{"items": [{"sku": "ESPRESSO-CUP", "quantity": 0}], "paymentMethod": "tok_visa"}""", """
				{"items": [{"sku": "ESPRESSO-CUP", "quantity": -3}], "paymentMethod": "tok_visa"}""", """
				{"items": [{"sku": "ESPRESSO-CUP", "quantity": 101}], "paymentMethod": "tok_visa"}""", """
				{"items": [{"sku": "", "quantity": 1}], "paymentMethod": "tok_visa"}""", """
				{"items": [{"sku": "ESPRESSO-CUP"}], "paymentMethod": "tok_visa"}""", """
				{"items": [null], "paymentMethod": "tok_visa"}""", """
				{"items": [{"sku": "ESPRESSO-CUP", "quantity": 1}]}""", """
				{"paymentMethod": "tok_visa"}""",
				"{\"items\": [" + "{\"sku\": \"ESPRESSO-CUP\", \"quantity\": 1},".repeat(50)
						+ "{\"sku\": \"ESPRESSO-CUP\", \"quantity\": 1}], \"paymentMethod\": \"tok_visa\"}" }) {
			assertProblem(place("key-bad", body), HttpStatus.BAD_REQUEST, "validation-failed");
		}
		then(this.orders).shouldHaveNoInteractions();
	}

	@Test
	void refusesHugeQuantitiesAndWrongTypes() {
		MvcTestResult huge = place("key-h", """
				{"items": [{"sku": "ESPRESSO-CUP", "quantity": 99999999999999}], "paymentMethod": "tok_visa"}""");
		assertProblem(huge, HttpStatus.BAD_REQUEST, "malformed-request");
		MvcTestResult text = place("key-t", """
				{"items": [{"sku": "ESPRESSO-CUP", "quantity": "two"}], "paymentMethod": "tok_visa"}""");
		assertProblem(text, HttpStatus.BAD_REQUEST, "malformed-request");
		assertThat(text).bodyJson().extractingPath("$.errors[0].field").isEqualTo("items[0].quantity");
		assertProblem(place("key-m", "{\"items\": [{"), HttpStatus.BAD_REQUEST, "malformed-request");
		then(this.orders).shouldHaveNoInteractions();
	}

	@Test
	void ignoresAPriceSentByTheClient() {
		given(this.orders.place(any(), any(), any(), any())).willReturn(Orders.paid().snapshot());
		assertThat(place("key-p",
				"""
						{"items": [{"sku": "ESPRESSO-CUP", "quantity": 1, "unitPrice": 1}], "total": 1, "paymentMethod": "tok_visa"}"""))
			.hasStatus(HttpStatus.CREATED);
		then(this.orders).should()
			.place(eq(this.userId), eq(new IdempotencyKey("key-p")),
					eq(List.of(new OrderRules.RequestedLine("ESPRESSO-CUP", 1))), eq("tok_visa"));
	}

	@Test
	void hidesOtherUsersOrdersAndUnknownIds() {
		UUID id = UUID.randomUUID();
		given(this.orders.find(id, this.userId)).willThrow(new OrderNotFoundException());
		assertProblem(this.mvc.get().uri("/api/orders/{id}", id).with(user()).exchange(), HttpStatus.NOT_FOUND,
				"not-found");
		given(this.orders.cancel(id, this.userId)).willThrow(new OrderNotFoundException());
		assertProblem(this.mvc.post().uri("/api/orders/{id}/cancel", id).with(user()).exchange(), HttpStatus.NOT_FOUND,
				"not-found");
		assertProblem(this.mvc.get().uri("/api/orders/not-a-uuid").with(user()).exchange(), HttpStatus.BAD_REQUEST,
				"bad-request");
	}

	@Test
	void answersACancelledOrderWithOkAndAPendingCancellationWithAccepted() {
		Order paid = Orders.paid();
		paid.requestCancellation(Orders.PLACED_AT.plusSeconds(60));
		given(this.orders.cancel(paid.getId(), this.userId)).willReturn(paid);
		assertThat(this.mvc.post().uri("/api/orders/{id}/cancel", paid.getId()).with(user()).exchange())
			.hasStatus(HttpStatus.ACCEPTED);
		paid.completeCancellation(UUID.randomUUID(), Orders.PLACED_AT.plusSeconds(61));
		MvcTestResult again = this.mvc.post().uri("/api/orders/{id}/cancel", paid.getId()).with(user()).exchange();
		assertThat(again).hasStatus(HttpStatus.OK);
		assertThat(again).bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
	}

	@Test
	void boundsThePageSize() {
		assertProblem(this.mvc.get().uri("/api/orders?size=1000").with(user()).exchange(), HttpStatus.BAD_REQUEST,
				"validation-failed");
		assertProblem(this.mvc.get().uri("/api/orders?page=-1").with(user()).exchange(), HttpStatus.BAD_REQUEST,
				"validation-failed");
	}

	@Test
	void requiresAUserToken() {
		assertProblem(this.mvc.post()
			.uri("/api/orders")
			.header("Idempotency-Key", "k")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)
			.exchange(), HttpStatus.UNAUTHORIZED, "unauthenticated");
		MvcTestResult service = this.mvc.post()
			.uri("/api/orders")
			.with(jwt().jwt(token -> token.subject("payment-service").claim("scope", "internal")))
			.header("Idempotency-Key", "k")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID)
			.exchange();
		assertProblem(service, HttpStatus.FORBIDDEN, "forbidden");
		then(this.orders).shouldHaveNoInteractions();
	}

	private MvcTestResult place(String key, String body) {
		return this.mvc.post()
			.uri("/api/orders")
			.with(user())
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private RequestPostProcessor user() {
		return jwt().jwt(token -> token.subject(this.userId.toString()));
	}

	static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + type);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
		assertThat(result).bodyText().doesNotContain("Exception").doesNotContain("\tat ");
	}

}
