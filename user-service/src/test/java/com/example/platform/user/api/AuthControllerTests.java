package com.example.platform.user.api;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.example.platform.support.ServiceSupportAutoConfiguration;
import com.example.platform.user.accounts.AccountService;
import com.example.platform.user.accounts.EmailAddress;
import com.example.platform.user.accounts.EmailAlreadyRegisteredException;
import com.example.platform.user.accounts.InvalidPasswordException;
import com.example.platform.user.accounts.PasswordHashingBusyException;
import com.example.platform.user.accounts.UserAccount;
import com.example.platform.user.config.ApiSecurityConfiguration;
import com.example.platform.user.login.AccessTokens.IssuedToken;
import com.example.platform.user.login.InvalidCredentialsException;
import com.example.platform.user.login.LoginService;
import com.example.platform.user.login.LoginThrottledException;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

@WebMvcTest(AuthController.class)
@Import(ApiSecurityConfiguration.class)
@ImportAutoConfiguration(ServiceSupportAutoConfiguration.class)
class AuthControllerTests {

	private static final String PROBLEMS = "https://platform.example/problems/";

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private AccountService accounts;

	@MockitoBean
	private LoginService logins;

	@MockitoBean
	private JwtDecoder jwtDecoder;

	@Test
	void registersAndPointsToTheNewUser() {
		UserAccount alice = UserAccount.register(EmailAddress.of("alice@example.com"), "Alice", "h",
				Instant.parse("2026-01-02T03:04:05Z"));
		given(this.accounts.register("alice@example.com", "Alice", "long enough")).willReturn(alice);

		MvcTestResult result = register("""
				{"email": "  alice@example.com ", "password": "long enough", "name": "Alice"}""");

		assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/users/" + alice.getId());
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo(alice.getId().toString());
		assertThat(result).bodyJson().extractingPath("$.createdAt").isEqualTo("2026-01-02T03:04:05Z");
		assertThat(result).bodyJson().doesNotHavePath("$.passwordHash").doesNotHavePath("$.password");
	}

	@Test
	void ignoresUnknownFields() {
		UserAccount alice = UserAccount.register(EmailAddress.of("alice@example.com"), "Alice", "h", Instant.now());
		given(this.accounts.register("alice@example.com", "Alice", "long enough")).willReturn(alice);

		assertThat(register("""
				{"email": "alice@example.com", "password": "long enough", "name": "Alice",
				 "id": "00000000-0000-0000-0000-000000000001", "role": "admin"}""")).hasStatus(HttpStatus.CREATED);
		then(this.accounts).should().register("alice@example.com", "Alice", "long enough");
	}

	@Test
	void rejectsMalformedJson() {
		MvcTestResult result = register("{\"email\": \"alice@example.com\", ");
		assertProblem(result, HttpStatus.BAD_REQUEST, "malformed-request");
		assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The request body is not valid JSON.");
	}

	@Test
	void rejectsAMissingBody() {
		assertProblem(register(""), HttpStatus.BAD_REQUEST, "malformed-request");
	}

	@Test
	void rejectsAFieldOfTheWrongType() {
		MvcTestResult result = register("""
				{"email": {"address": "alice@example.com"}, "password": "long enough", "name": "Alice"}""");
		assertProblem(result, HttpStatus.BAD_REQUEST, "malformed-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must be a string");
	}

	@Test
	void rejectsANumberWhereAStringIsExpected() {
		MvcTestResult result = register("""
				{"email": "alice@example.com", "password": 12345678, "name": "Alice"}""");
		assertProblem(result, HttpStatus.BAD_REQUEST, "malformed-request");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
	}

	@Test
	void listsEveryMissingField() {
		MvcTestResult result = register("{}");
		assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("email", "name", "password");
		then(this.accounts).should(never()).register(any(), any(), any());
	}

	@Test
	void rejectsBlankFields() {
		MvcTestResult result = register("""
				{"email": "   ", "password": "long enough", "name": "  "}""");
		assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
		assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().contains("email", "name");
	}

	@Test
	void rejectsOverLongFields() {
		MvcTestResult result = register("""
				{"email": "%s@example.com", "password": "%s", "name": "%s"}""".formatted("a".repeat(250),
				"p".repeat(129), "n".repeat(101)));
		assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("email", "name", "password");
	}

	@Test
	void rejectsAnInvalidEmail() {
		for (String email : new String[] { "alice", "alice@", "alice@example", "al ice@example.com", "@example.com" }) {
			MvcTestResult result = register("""
					{"email": "%s", "password": "long enough", "name": "Alice"}""".formatted(email));
			assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
			assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
		}
	}

	@Test
	void rejectsATwoMegabyteBody() {
		MvcTestResult result = register("""
				{"email": "alice@example.com", "password": "long enough", "name": "%s"}"""
			.formatted("x".repeat(2 * 1024 * 1024)));
		assertProblem(result, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large");
		then(this.accounts).should(never()).register(any(), any(), any());
	}

	@Test
	void rejectsAnotherMediaType() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/auth/register")
			.contentType(MediaType.TEXT_PLAIN)
			.content("email=alice@example.com")
			.exchange();
		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "bad-request");
	}

	@Test
	void answersConflictForATakenAddress() {
		given(this.accounts.register(any(), any(), any())).willThrow(new EmailAlreadyRegisteredException());
		MvcTestResult result = register("""
				{"email": "alice@example.com", "password": "long enough", "name": "Alice"}""");
		assertProblem(result, HttpStatus.CONFLICT, "conflict");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("An account with this email address already exists.");
	}

	@Test
	void reportsAPolicyViolationAsAPasswordFieldError() {
		given(this.accounts.register(any(), any(), any()))
			.willThrow(new InvalidPasswordException("must not be the email address"));
		MvcTestResult result = register("""
				{"email": "alice@example.com", "password": "alice@example.com", "name": "Alice"}""");
		assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("must not be the email address");
	}

	@Test
	void logsInWithABearerToken() {
		given(this.logins.login("alice@example.com", "long enough"))
			.willReturn(new IssuedToken("header.payload.signature", Duration.ofMinutes(15)));
		MvcTestResult result = login("""
				{"email": "alice@example.com", "password": "long enough"}""");
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.accessToken").isEqualTo("header.payload.signature");
		assertThat(result).bodyJson().extractingPath("$.tokenType").isEqualTo("Bearer");
		assertThat(result).bodyJson().extractingPath("$.expiresIn").isEqualTo(900);
	}

	@Test
	void answersWrongCredentialsWithoutSayingWhichIsWrong() {
		given(this.logins.login(any(), any())).willThrow(new InvalidCredentialsException());
		MvcTestResult result = login("""
				{"email": "alice@example.com", "password": "wrong password"}""");
		assertProblem(result, HttpStatus.UNAUTHORIZED, "unauthenticated");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("The email address or password is incorrect.");
	}

	@Test
	void answersAThrottledLoginWithRetryAfter() {
		given(this.logins.login(any(), any())).willThrow(new LoginThrottledException(Duration.ofMillis(61_500)));
		MvcTestResult result = login("""
				{"email": "alice@example.com", "password": "whatever"}""");
		assertProblem(result, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests");
		assertThat(result).hasHeader("Retry-After", "62");
		assertThat(result).bodyJson().extractingPath("$.retryAfterSeconds").isEqualTo(62);
	}

	@Test
	void answersABusyLoginWithServiceUnavailableAndRetryAfter() {
		given(this.logins.login(any(), any())).willThrow(new PasswordHashingBusyException());
		MvcTestResult result = login("""
				{"email": "alice@example.com", "password": "whatever"}""");
		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
		assertThat(result).hasHeader("Retry-After", "1");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Too many registrations and logins at once; nothing was changed. Try again in a moment.");
	}

	@Test
	void answersABusyRegistrationWithServiceUnavailableAndRetryAfter() {
		given(this.accounts.register(any(), any(), any())).willThrow(new PasswordHashingBusyException());
		MvcTestResult result = register("""
				{"email": "alice@example.com", "password": "long enough", "name": "Alice"}""");
		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
		assertThat(result).hasHeader("Retry-After", "1");
		assertThat(result).bodyJson().extractingPath("$.retryAfterSeconds").isEqualTo(1);
	}

	@Test
	void rejectsALoginWithoutPassword() {
		MvcTestResult result = login("""
				{"email": "alice@example.com"}""");
		assertProblem(result, HttpStatus.BAD_REQUEST, "validation-failed");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
	}

	@Test
	void answersAnUnexpectedFailureWithoutInternals() {
		given(this.logins.login(any(), any())).willThrow(new IllegalStateException("connection pool exhausted"));
		MvcTestResult result = login("""
				{"email": "alice@example.com", "password": "whatever"}""");
		assertProblem(result, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");
		assertThat(result).bodyText().doesNotContain("IllegalStateException").doesNotContain("pool");
	}

	private MvcTestResult register(String json) {
		return this.mvc.post()
			.uri("/api/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	private MvcTestResult login(String json) {
		return this.mvc.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	static void assertProblem(MvcTestResult result, HttpStatus status, String type) {
		assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(PROBLEMS + type);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
		assertThat(result).bodyText().doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
	}

}
