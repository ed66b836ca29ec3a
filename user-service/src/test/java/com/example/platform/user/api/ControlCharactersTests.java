package com.example.platform.user.api;

import org.junit.jupiter.api.Test;

import com.example.platform.support.ServiceSupportAutoConfiguration;
import com.example.platform.user.config.ApiSecurityConfiguration;
import com.example.platform.user.accounts.AccountService;
import com.example.platform.user.login.LoginService;

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
import static org.mockito.BDDMockito.then;

/**
 * Free text with control characters (a line break that forges a log line, an escape
 * sequence that drives a terminal, a bell) is refused as a field error before anything is
 * stored or logged.
 */
@WebMvcTest(AuthController.class)
@Import(ApiSecurityConfiguration.class)
@ImportAutoConfiguration(ServiceSupportAutoConfiguration.class)
class ControlCharactersTests {

	@Autowired
	private MockMvcTester mvc;

	@MockitoBean
	private AccountService accounts;

	@MockitoBean
	private LoginService logins;

	@MockitoBean
	private JwtDecoder jwtDecoder;

	@Test
	void refusesControlCharactersInTheName() {
		for (String name : new String[] { "Ada\\n2026-01-01 INFO admin logged in", "\\u001b[2J\\u001b[31mAda",
				"Ada\\u0007", "Ada\\u0085" }) {
			MvcTestResult result = post("/api/auth/register",
					"{\"email\": \"ada@example.com\", \"password\": \"long enough\", \"name\": \"" + name + "\"}");
			assertFieldError(result, "name");
		}
		then(this.accounts).shouldHaveNoInteractions();
	}

	@Test
	void refusesControlCharactersInTheEmailAndThePasswordOnRegistration() {
		assertFieldError(
				post("/api/auth/register",
						"{\"email\": \"ada\\u001b@example.com\", \"password\": \"long enough\", \"name\": \"Ada\"}"),
				"email");
		assertFieldError(
				post("/api/auth/register",
						"{\"email\": \"ada@example.com\", \"password\": \"long\\tenough\", \"name\": \"Ada\"}"),
				"password");
		then(this.accounts).shouldHaveNoInteractions();
	}

	@Test
	void refusesControlCharactersInTheLoginEmail() {
		assertFieldError(
				post("/api/auth/login", "{\"email\": \"ada@example.com\\r\\n\", \"password\": \"long enough\"}"),
				"email");
		then(this.logins).shouldHaveNoInteractions();
	}

	private MvcTestResult post(String uri, String json) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static void assertFieldError(MvcTestResult result, String field) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://platform.example/problems/validation-failed");
		// An address with a control character also fails @Email: look for this error
		// among the field's.
		assertThat(result).bodyJson()
			.extractingPath("$.errors[?(@.field == '" + field + "')].message")
			.asArray()
			.contains("must not contain control characters (line breaks, tabs, escape sequences)");
	}

}
