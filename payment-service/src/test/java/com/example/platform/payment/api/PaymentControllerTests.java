package com.example.platform.payment.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.platform.payment.config.SecurityConfiguration;
import com.example.platform.payment.payments.Money;
import com.example.platform.payment.payments.PaymentNotFoundException;
import com.example.platform.payment.payments.PaymentService;
import com.example.platform.payment.payments.PaymentSnapshot;
import com.example.platform.payment.payments.PaymentStatus;
import com.example.platform.payment.payments.UnsupportedCurrencyException;
import com.example.platform.payment.refunds.RefundExceedsPaymentException;
import com.example.platform.payment.refunds.RefundService;
import com.example.platform.support.idempotency.IdempotencyKey;
import com.example.platform.support.ServiceSupportAutoConfiguration;
import com.example.platform.support.idempotency.IdempotencyKeyReusedException;
import com.example.platform.support.idempotency.IdempotencyProblemAdvice;
import com.example.platform.support.idempotency.InvalidIdempotencyKeyException;
import com.example.platform.support.idempotency.RequestInFlightException;
import com.example.platform.support.security.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeastOnce;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The HTTP edge: bad inputs of every kind are problems (never a 500), domain refusals get
 * their status and type, and the security rules hold. The use cases are mocked.
 */
@WebMvcTest(PaymentController.class)
@Import({ SecurityConfiguration.class, IdempotencyProblemAdvice.class })
@ImportAutoConfiguration(ServiceSupportAutoConfiguration.class)
class PaymentControllerTests {

	private static final String VALID = """
			{"orderId": "0e5e2a8c-1111-4aaa-8bbb-000000000001", "userId": "0e5e2a8c-1111-4aaa-8bbb-0000000000aa",
			 "amount": {"amount": 2500, "currency": "EUR"}, "paymentMethod": "tok_visa"}""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	PaymentService payments;

	@MockitoBean
	RefundService refunds;

	@MockitoBean
	JwtDecoder jwtDecoder;

	private static RequestPostProcessor service() {
		return jwt().jwt(token -> token.subject("order-service").claim("scope", List.of("internal")))
			.authorities(new SimpleGrantedAuthority("SCOPE_internal"));
	}

	private static RequestPostProcessor user(UUID id) {
		return jwt().jwt(token -> token.subject(id.toString())).authorities(List.of());
	}

	private MvcTestResult create(String body) {
		return this.mvc.perform(post("/api/payments").with(service())
			.header("Idempotency-Key", "k1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static PaymentSnapshot snapshot(PaymentStatus status, String declineCode) {
		return new PaymentSnapshot(UUID.fromString("3b9f6c1e-7d2a-4c55-9e0f-5a1b2c3d4e5f"),
				UUID.fromString("0e5e2a8c-1111-4aaa-8bbb-000000000001"),
				UUID.fromString("0e5e2a8c-1111-4aaa-8bbb-0000000000aa"), status, new Money(2500, "EUR"), declineCode,
				Instant.parse("2026-11-25T10:00:00.123456Z"));
	}

	@Test
	void createsAndAnswers201WithLocationAndTheCallersScope() {
		given(this.payments.create(any(), eq(new IdempotencyKey("k1")), any()))
			.willReturn(snapshot(PaymentStatus.APPROVED, null));
		assertThat(create(VALID)).hasStatus(201)
			.hasHeader("Location", "/api/payments/3b9f6c1e-7d2a-4c55-9e0f-5a1b2c3d4e5f")
			.bodyJson()
			.isLenientlyEqualTo("""
					{"id": "3b9f6c1e-7d2a-4c55-9e0f-5a1b2c3d4e5f", "status": "APPROVED",
					 "amount": {"amount": 2500, "currency": "EUR"}, "createdAt": "2026-11-25T10:00:00.123456Z"}""");
		assertThat(create(VALID)).bodyText().doesNotContain("declineCode");
		then(this.payments).should(atLeastOnce())
			.create(eq(new Caller.Service("order-service", Set.of("internal"))), eq(new IdempotencyKey("k1")), any());
	}

	@Test
	void declineCodeIsShownWhenDeclined() {
		given(this.payments.create(any(), any(), any())).willReturn(snapshot(PaymentStatus.DECLINED, "card_declined"));
		assertThat(create(VALID)).hasStatus(201).bodyJson().extractingPath("$.declineCode").isEqualTo("card_declined");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[]", "" })
	void unreadableBodiesAreMalformedRequests(String body) {
		assertThat(create(body)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://platform.example/problems/malformed-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.5", "\"2500\"", "true", "2.5e3", "null" })
	void amountsMustBeWholeNumbers(String amount) {
		assertThat(create(VALID.replace("\"amount\": 2500,", "\"amount\": " + amount + ","))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("amount.amount");
		then(this.payments).shouldHaveNoInteractions();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"amount\": 2500,=\"amount\": 99999999999999999999999,",
			"\"userId\": \"0e5e2a8c-1111-4aaa-8bbb-0000000000aa\"=\"userId\": 123",
			"\"orderId\": \"0e5e2a8c-1111-4aaa-8bbb-000000000001\"=\"orderId\": null",
			"{\"amount\": 2500, \"currency\": \"EUR\"}={\"amount\": 2500}",
			"\"paymentMethod\": \"tok_visa\"=\"paymentMethod\": [\"tok_visa\"]",
			"{\"amount\": 2500, \"currency\": \"EUR\"}=2500" })
	void oddValuesAreClientErrorsNeverServerErrors(String replacement) {
		String[] change = replacement.split("=", 2);
		String body = VALID.replace(change[0], change[1]);
		assertThat(body).isNotEqualTo(VALID);
		assertThat(create(body)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void emptyOrderIdAndAnotherContentTypeAreRefused() {
		assertThat(this.mvc.perform(get("/api/payments?orderId=").with(user(UUID.randomUUID())))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.perform(post("/api/payments").with(service())
			.header("Idempotency-Key", "k1")
			.contentType(MediaType.TEXT_PLAIN)
			.content(VALID))).hasStatus(415).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void unknownFieldsAreRefused() {
		assertThat(create(VALID.replace("\"paymentMethod\"", "\"ammount\": 1, \"paymentMethod\""))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("ammount");
	}

	@Test
	void missingFieldsAreListed() {
		assertThat(create("{}")).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("amount", "orderId", "paymentMethod", "userId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"amount\": 0,", "\"amount\": -5,", "\"amount\": 1000000000001,",
			"\"currency\": \"eur\",", "\"currency\": \"EURO\",", "\"orderId\": \"not-a-uuid\",",
			"\"paymentMethod\": \"tok visa\",", "\"paymentMethod\": \"\"," })
	void invalidValuesAreValidationProblems(String field) {
		String body = VALID;
		if (field.startsWith("\"amount\"")) {
			body = VALID.replace("\"amount\": 2500,", field);
		}
		else if (field.startsWith("\"currency\"")) {
			body = VALID.replace("\"currency\": \"EUR\"", field.substring(0, field.length() - 1));
		}
		else if (field.startsWith("\"orderId\"")) {
			body = VALID.replace("\"orderId\": \"0e5e2a8c-1111-4aaa-8bbb-000000000001\",", field);
		}
		else {
			body = VALID.replace("\"paymentMethod\": \"tok_visa\"", field.substring(0, field.length() - 1));
		}
		assertThat(create(body)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void bodiesOverTheLimitAreRefusedWith413() {
		String huge = VALID.replace("tok_visa", "t".repeat(1024 * 1024));
		assertThat(create(huge)).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.payments).shouldHaveNoInteractions();
	}

	@Test
	void oversizedPaymentMethodIsRefused() {
		assertThat(create(VALID.replace("tok_visa", "t".repeat(65)))).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("paymentMethod");
	}

	@Test
	void idempotencyKeyIsRequired() {
		MockHttpServletRequestBuilder withoutKey = post("/api/payments").with(service())
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID);
		assertThat(this.mvc.perform(withoutKey)).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("Idempotency-Key");
		then(this.payments).shouldHaveNoInteractions();
	}

	/**
	 * The key's shape is checked by the idempotency mechanism the application service
	 * runs (see PaymentServiceTests and IdempotencyIT); its refusal is a field error.
	 */
	@Test
	void malformedIdempotencyKeyIsAFieldError() {
		given(this.payments.create(any(), any(), any())).willThrow(new InvalidIdempotencyKeyException());
		assertThat(this.mvc.perform(post("/api/payments").with(service())
			.header("Idempotency-Key", "k".repeat(256))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("Idempotency-Key");
	}

	@Test
	void unacceptedCurrencyIsAFieldError() {
		given(this.payments.create(any(), any(), any())).willThrow(new UnsupportedCurrencyException(Set.of("EUR")));
		assertThat(create(VALID)).hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("amount.currency");
	}

	@Test
	void reusedKeyIs422AndInFlightIs409WithRetryAfter() {
		given(this.payments.create(any(), any(), any())).willThrow(new IdempotencyKeyReusedException());
		assertThat(create(VALID)).hasStatus(422)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://platform.example/problems/idempotency-key-reused");
		willThrow(new RequestInFlightException(Duration.ofMillis(800))).given(this.payments)
			.create(any(), any(), any());
		assertThat(create(VALID)).hasStatus(409)
			.hasHeader("Retry-After", "1")
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://platform.example/problems/request-in-flight");
	}

	@Test
	void overRefundIs409WithWhatIsLeft() {
		given(this.refunds.refund(any(), any(), any(), any()))
			.willThrow(new RefundExceedsPaymentException(new Money(1000, "EUR"), 250));
		assertThat(this.mvc.perform(post("/api/payments/" + UUID.randomUUID() + "/refunds").with(service())
			.header("Idempotency-Key", "r1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": {\"amount\": 300, \"currency\": \"EUR\"}}"))).hasStatus(409)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"type": "https://platform.example/problems/refund-exceeds-payment", "status": 409,
					 "refundable": {"amount": 250, "currency": "EUR"}}""");
	}

	@Test
	void refundBodyIsValidated() {
		assertThat(this.mvc.perform(post("/api/payments/" + UUID.randomUUID() + "/refunds").with(service())
			.header("Idempotency-Key", "r1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": {\"amount\": -1, \"currency\": \"EUR\"}}"))).hasStatus(400);
		assertThat(this.mvc.perform(post("/api/payments/not-a-uuid/refunds").with(service())
			.header("Idempotency-Key", "r1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"amount\": {\"amount\": 1, \"currency\": \"EUR\"}}"))).hasStatus(400);
		then(this.refunds).shouldHaveNoInteractions();
	}

	@Test
	void readingIsForAnyValidTokenAndUnknownIs404() {
		UUID owner = UUID.randomUUID();
		given(this.payments.find(any(), any())).willThrow(new PaymentNotFoundException());
		assertThat(this.mvc.perform(get("/api/payments/" + UUID.randomUUID()).with(user(owner)))).hasStatus(404)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://platform.example/problems/not-found");
		assertThat(this.mvc.perform(get("/api/payments/not-a-uuid").with(user(owner)))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.perform(get("/api/payments").with(user(owner)))).hasStatus(400)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void usersCannotCreateAndAnonymousCannotRead() {
		assertThat(this.mvc.perform(post("/api/payments").with(user(UUID.randomUUID()))
			.header("Idempotency-Key", "k1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(VALID))).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.perform(get("/api/payments/" + UUID.randomUUID()))).hasStatus(401)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		then(this.payments).shouldHaveNoInteractions();
	}

}
