package com.example.platform.user.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class AccountServiceTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final UserAccountRepository accounts = mock();

	private final LoginFailureRepository loginFailures = mock();

	private final PasswordEncoder passwordEncoder = mock();

	private final AccessTokens accessTokens = mock();

	private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(15));

	private AccountService service;

	@BeforeEach
	void setUp() {
		given(this.passwordEncoder.encode(anyString())).willAnswer(invocation -> "hash:" + invocation.getArgument(0));
		this.service = new AccountService(this.accounts, this.loginFailures, this.passwordEncoder, this.accessTokens,
				this.throttle, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void registersWithTrimmedEmailAndHashedPassword() {
		given(this.accounts.saveAndFlush(any())).willAnswer(invocation -> invocation.getArgument(0));
		UserAccount account = this.service.register(" Bob@Example.com ", " Bob ", "s3cret-enough");
		assertThat(account.getEmail().value()).isEqualTo("Bob@Example.com");
		assertThat(account.getName()).isEqualTo("Bob");
		assertThat(account.getPasswordHash()).isEqualTo("hash:s3cret-enough");
		assertThat(account.getCreatedAt()).isEqualTo(NOW);
	}

	@Test
	void refusesAWeakPasswordBeforeHashingOrStoring() {
		assertThatExceptionOfType(InvalidPasswordException.class)
			.isThrownBy(() -> this.service.register("bob@example.com", "Bob", "short"));
		then(this.passwordEncoder).should(never()).encode("short");
		then(this.accounts).should(never()).saveAndFlush(any());
	}

	@Test
	void refusesAnAddressThatIsTakenInAnyCase() {
		given(this.accounts.existsByEmailKey("bob@example.com")).willReturn(true);
		assertThatExceptionOfType(EmailAlreadyRegisteredException.class)
			.isThrownBy(() -> this.service.register("BOB@example.com", "Bob", "s3cret-enough"));
		then(this.accounts).should(never()).saveAndFlush(any());
	}

	@Test
	void turnsALostRegistrationRaceIntoAConflict() {
		given(this.accounts.saveAndFlush(any())).willThrow(new DataIntegrityViolationException("duplicate key"));
		assertThatExceptionOfType(EmailAlreadyRegisteredException.class)
			.isThrownBy(() -> this.service.register("bob@example.com", "Bob", "s3cret-enough"));
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
	void refusesAThrottledAddressWithoutCheckingThePassword() {
		given(this.loginFailures.findById("bob@example.com")).willReturn(Optional.of(failures(5)));

		assertThatExceptionOfType(LoginThrottledException.class)
			.isThrownBy(() -> this.service.login("bob@example.com", "right"))
			.satisfies(ex -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMinutes(14)));
		then(this.passwordEncoder).should(never()).matches(any(), any());
		then(this.accounts).should(never()).findByEmailKey(any());
	}

	@Test
	void showsAUserTheirOwnProfileOnly() {
		UUID bobId = UUID.randomUUID();
		UserAccount bob = UserAccount.register(EmailAddress.of("bob@example.com"), "Bob", "h", NOW);
		given(this.accounts.findById(bobId)).willReturn(Optional.of(bob));

		assertThat(this.service.profile(bobId, Optional.of(bobId), false)).isSameAs(bob);
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.service.profile(bobId, Optional.of(UUID.randomUUID()), false));
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.service.profile(bobId, Optional.empty(), false));
	}

	@Test
	void showsAnyProfileToAnInternalCaller() {
		UUID bobId = UUID.randomUUID();
		UserAccount bob = UserAccount.register(EmailAddress.of("bob@example.com"), "Bob", "h", NOW);
		given(this.accounts.findById(bobId)).willReturn(Optional.of(bob));

		assertThat(this.service.profile(bobId, Optional.empty(), true)).isSameAs(bob);
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.service.profile(UUID.randomUUID(), Optional.empty(), true));
	}

	private static LoginFailure failures(int count) {
		return new LoginFailure("bob@example.com", count, NOW.minusSeconds(60));
	}

}
