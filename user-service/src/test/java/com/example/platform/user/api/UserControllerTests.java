package com.example.platform.user.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.example.platform.support.ServiceSupportAutoConfiguration;
import com.example.platform.support.security.Caller;
import com.example.platform.user.accounts.AccountService;
import com.example.platform.user.accounts.EmailAddress;
import com.example.platform.user.accounts.UserAccount;
import com.example.platform.user.accounts.UserNotFoundException;
import com.example.platform.user.config.ApiSecurityConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static com.example.platform.user.api.AuthControllerTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

@WebMvcTest(UserController.class)
@Import(ApiSecurityConfiguration.class)
@ImportAutoConfiguration(ServiceSupportAutoConfiguration.class)
class UserControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private AccountService accounts;

	@MockitoBean
	private JwtDecoder jwtDecoder;

	private final ArgumentCaptor<Caller> caller = ArgumentCaptor.forClass(Caller.class);

	private final UserAccount alice = UserAccount.register(EmailAddress.of("alice@example.com"), "Alice", "h",
			Instant.parse("2026-01-02T03:04:05Z"));

	@Test
	void showsTheCallersOwnProfile() {
		given(this.accounts.ownProfile(any())).willReturn(this.alice);
		MvcTestResult result = this.mvc.get()
			.uri("/api/users/me")
			.with(jwt().jwt(token -> token.subject(this.alice.getId().toString())))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).bodyJson().extractingPath("$.email").isEqualTo("alice@example.com");
		assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Alice");
		then(this.accounts).should().ownProfile(this.caller.capture());
		assertThat(this.caller.getValue().userId()).contains(this.alice.getId());
	}

	@Test
	void answersMeForAServiceTokenWithNotFound() {
		given(this.accounts.ownProfile(any())).willThrow(new UserNotFoundException());
		MvcTestResult result = this.mvc.get()
			.uri("/api/users/me")
			.with(jwt().jwt(token -> token.subject("order-service").claim("scope", "internal")))
			.exchange();
		assertProblem(result, HttpStatus.NOT_FOUND, "not-found");
		then(this.accounts).should().ownProfile(this.caller.capture());
		assertThat(this.caller.getValue().userId()).isEmpty();
	}

	@Test
	void passesTheInternalScopeOnForServiceTokens() {
		given(this.accounts.profile(eq(this.alice.getId()), any())).willReturn(this.alice);
		MvcTestResult result = this.mvc.get()
			.uri("/api/users/{id}", this.alice.getId())
			.with(jwt().jwt(token -> token.subject("order-service").claim("scope", "internal")))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		then(this.accounts).should().profile(eq(this.alice.getId()), this.caller.capture());
		assertThat(this.caller.getValue()).isEqualTo(new Caller.Service("order-service", Set.of("internal")));
	}

	@Test
	void hidesOtherUsersBehindNotFound() {
		UUID bob = UUID.randomUUID();
		given(this.accounts.profile(any(), any())).willThrow(new UserNotFoundException());
		MvcTestResult result = this.mvc.get()
			.uri("/api/users/{id}", bob)
			.with(jwt().jwt(token -> token.subject(this.alice.getId().toString())))
			.exchange();
		assertProblem(result, HttpStatus.NOT_FOUND, "not-found");
		then(this.accounts).should().profile(eq(bob), this.caller.capture());
		assertThat(this.caller.getValue().userId()).contains(this.alice.getId());
		assertThat(this.caller.getValue().hasScope("internal")).isFalse();
	}

	@Test
	void rejectsAnIdThatIsNotAUuid() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/users/not-a-uuid")
			.with(jwt().jwt(token -> token.subject(this.alice.getId().toString())))
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST, "bad-request");
	}

	@Test
	void asksForATokenWhenThereIsNone() {
		MvcTestResult result = this.mvc.get().uri("/api/users/me").exchange();
		assertProblem(result, HttpStatus.UNAUTHORIZED, "unauthenticated");
		assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void refusesAnInvalidToken() {
		given(this.jwtDecoder.decode("forged"))
			.willThrow(new BadJwtException("Signed JWT rejected: Invalid signature"));
		MvcTestResult result = this.mvc.get().uri("/api/users/me").header("Authorization", "Bearer forged").exchange();
		assertProblem(result, HttpStatus.UNAUTHORIZED, "unauthenticated");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().startsWith("The bearer token is invalid");
	}

	@Test
	void saysWhenATokenHasExpired() {
		given(this.jwtDecoder.decode("expired"))
			.willThrow(new JwtValidationException("Jwt expired at 2026-01-01T00:00:00Z",
					java.util.List.of(new OAuth2Error("invalid_token", "Jwt expired at 2026-01-01T00:00:00Z", null))));
		MvcTestResult result = this.mvc.get().uri("/api/users/me").header("Authorization", "Bearer expired").exchange();
		assertProblem(result, HttpStatus.UNAUTHORIZED, "unauthenticated");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("expired");
	}

	@Test
	void answersUnknownPathsWithNotFoundProblem() {
		MvcTestResult result = this.mvc.get()
			.uri("/api/nothing-here")
			.with(jwt().jwt(token -> token.subject(this.alice.getId().toString())))
			.exchange();
		assertProblem(result, HttpStatus.NOT_FOUND, "not-found");
	}

}
