package com.example.platform.user.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.example.platform.user.accounts.EmailAddress;
import com.example.platform.user.accounts.PasswordHashing;
import com.example.platform.user.accounts.PasswordHashingBusyException;
import com.example.platform.user.accounts.UserAccount;
import com.example.platform.user.accounts.UserAccountRepository;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class LoginServiceTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final UserAccountRepository accounts = mock();

	private final LoginFailureRepository loginFailures = mock();

	private final PasswordEncoder passwordEncoder = mock();

	private final AccessTokens accessTokens = mock();

	private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15));

	private LoginService service;

	@BeforeEach
	void setUp() {
		given(this.passwordEncoder.encode(anyString())).willAnswer(invocation -> "hash:" + invocation.getArgument(0));
		this.service = new LoginService(this.accounts, this.loginFailures,
				new PasswordHashing(this.passwordEncoder, 1, Duration.ofSeconds(1)), this.accessTokens, this.throttle,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void issuesATokenForTheRightPasswordAndClearsEarlierFailures() {
		UserAccount bob = UserAccount.register(EmailAddress.of("bob@example.com"), "Bob", "stored-hash", NOW);
		given(this.accounts.findByEmailKey("bob@example.com")).willReturn(Optional.of(bob));
		given(this.loginFailures.findById("bob@example.com")).willReturn(Optional.of(failures(2)));
		given(this.passwordEncoder.matches("right", "stored-hash")).willReturn(true);
		AccessTokens.IssuedToken token = new AccessTokens.IssuedToken("jwt", Duration.ofMinutes(15));
		given(this.accessTokens.issueFor(bob)).willReturn(token);

		assertThat(this.service.login("Bob@Example.com", "right")).isEqualTo(token);
		then(this.loginFailures).should().deleteById("bob@example.com");
	}

	@Test
	void issuesATokenWithoutWritingToTheCountersOfAnAddressThatHadNoFailures() {
		UserAccount bob = UserAccount.register(EmailAddress.of("bob@example.com"), "Bob", "stored-hash", NOW);
		given(this.accounts.findByEmailKey("bob@example.com")).willReturn(Optional.of(bob));
		given(this.passwordEncoder.matches("right", "stored-hash")).willReturn(true);
		AccessTokens.IssuedToken token = new AccessTokens.IssuedToken("jwt", Duration.ofMinutes(15));
		given(this.accessTokens.issueFor(bob)).willReturn(token);

		assertThat(this.service.login("bob@example.com", "right")).isEqualTo(token);
		then(this.loginFailures).should(never()).deleteById(any());
	}

	@Test
	void countsAWrongPasswordAsAFailure() {
		UserAccount bob = UserAccount.register(EmailAddress.of("bob@example.com"), "Bob", "stored-hash", NOW);
		given(this.accounts.findByEmailKey("bob@example.com")).willReturn(Optional.of(bob));
		given(this.passwordEncoder.matches("wrong", "stored-hash")).willReturn(false);

		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.service.login("bob@example.com", "wrong"));
		then(this.loginFailures).should().recordFailure("bob@example.com", NOW, NOW.minus(Duration.ofMinutes(15)));
		then(this.accessTokens).should(never()).issueFor(any());
	}

	@Test
	void failsAnUnknownAddressLikeAWrongPasswordAfterTheSameHashCheck() {
		given(this.accounts.findByEmailKey("nobody@example.com")).willReturn(Optional.empty());
		ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
		given(this.passwordEncoder.matches(eq("whatever"), hash.capture())).willReturn(false);

		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.service.login("nobody@example.com", "whatever"))
			.withMessage(new InvalidCredentialsException().getMessage());
		assertThat(hash.getValue()).startsWith("hash:");
		then(this.loginFailures).should().recordFailure(eq("nobody@example.com"), eq(NOW), any());
	}

	@Test
	void neverLetsAnUnknownAddressInEvenIfThePasswordMatchesTheDecoyHash() {
		given(this.accounts.findByEmailKey("nobody@example.com")).willReturn(Optional.empty());
		given(this.passwordEncoder.matches(eq("guessed"), startsWith("hash:"))).willReturn(true);

		assertThatExceptionOfType(InvalidCredentialsException.class)
			.isThrownBy(() -> this.service.login("nobody@example.com", "guessed"));
		then(this.loginFailures).should().recordFailure(eq("nobody@example.com"), eq(NOW), any());
		then(this.accessTokens).should(never()).issueFor(any());
	}

	@Test
	void countsNoFailureWhenThePasswordCouldNotBeCheckedInTime() {
		UserAccount bob = UserAccount.register(EmailAddress.of("bob@example.com"), "Bob", "stored-hash", NOW);
		given(this.accounts.findByEmailKey("bob@example.com")).willReturn(Optional.of(bob));
		given(this.passwordEncoder.matches("right", "stored-hash")).willThrow(new PasswordHashingBusyException());

		assertThatExceptionOfType(PasswordHashingBusyException.class)
			.isThrownBy(() -> this.service.login("bob@example.com", "right"));
		then(this.loginFailures).should(never()).recordFailure(any(), any(), any());
		then(this.accessTokens).should(never()).issueFor(any());
	}

	@Test
	void refusesAThrottledAddressWithoutCheckingThePassword() {
		given(this.loginFailures.findById("bob@example.com")).willReturn(Optional.of(failures(5)));

		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> this.service.login("bob@example.com", "right"))
			.satisfies(ex -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMinutes(14)));
		then(this.passwordEncoder).should(never()).matches(any(), any());
		then(this.accounts).should(never()).findByEmailKey(any());
	}

	@Test
	void purgesTheCountersOfWindowsThatAreOver() {
		given(this.loginFailures.deleteStale(NOW.minus(Duration.ofMinutes(15)))).willReturn(3);

		assertThat(this.service.purgeStaleFailures()).isEqualTo(3);
	}

	private static LoginFailure failures(int count) {
		return new LoginFailure("bob@example.com", count, NOW.minusSeconds(60));
	}

}
