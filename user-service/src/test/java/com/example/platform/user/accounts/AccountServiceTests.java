package com.example.platform.user.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.example.platform.support.events.Outbox;
import com.example.platform.support.security.Caller;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

class AccountServiceTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final UserAccountRepository accounts = mock();

	private final PasswordEncoder passwordEncoder = mock();

	private final Outbox outbox = mock();

	private AccountService service;

	@BeforeEach
	void setUp() {
		given(this.passwordEncoder.encode(anyString())).willAnswer(invocation -> "hash:" + invocation.getArgument(0));
		this.service = new AccountService(this.accounts,
				new PasswordHashing(this.passwordEncoder, 1, Duration.ofSeconds(1)), Clock.fixed(NOW, ZoneOffset.UTC),
				TransactionOperations.withoutTransaction(), this.outbox);
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
	void announcesTheRegistrationWithTheUserIdOnly() {
		given(this.accounts.saveAndFlush(any())).willAnswer(invocation -> invocation.getArgument(0));
		UserAccount account = this.service.register("bob@example.com", "Bob", "s3cret-enough");

		ArgumentCaptor<UserRegistered> published = ArgumentCaptor.forClass(UserRegistered.class);
		then(this.outbox).should().publish(published.capture());
		UserRegistered event = published.getValue();
		assertThat(event.topic()).isEqualTo("users.v1");
		assertThat(event.key()).isEqualTo(account.getId().toString());
		assertThat(event.type()).isEqualTo("UserRegistered");
		assertThat(event.version()).isEqualTo(1);
		assertThat(event.occurredAt()).isEqualTo(NOW);
		assertThat(event.payload()).isEqualTo(new UserRegistered.Payload(account.getId(), NOW));
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
		then(this.outbox).should(never()).publish(any());
	}

	@Test
	void turnsALostRegistrationRaceIntoAConflict() {
		given(this.accounts.saveAndFlush(any())).willThrow(new DataIntegrityViolationException("duplicate key"));
		assertThatExceptionOfType(EmailAlreadyRegisteredException.class)
			.isThrownBy(() -> this.service.register("bob@example.com", "Bob", "s3cret-enough"));
		then(this.outbox).should(never()).publish(any());
	}

	@Test
	void showsAUserTheirOwnProfileOnly() {
		UUID bobId = UUID.randomUUID();
		UserAccount bob = UserAccount.register(EmailAddress.of("bob@example.com"), "Bob", "h", NOW);
		given(this.accounts.findById(bobId)).willReturn(Optional.of(bob));

		assertThat(this.service.profile(bobId, user(bobId))).isSameAs(bob);
		assertThat(this.service.ownProfile(user(bobId))).isSameAs(bob);
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.service.profile(bobId, user(UUID.randomUUID())));
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.service.profile(bobId, new Caller.Service("reporting", Set.of("read"))));
	}

	@Test
	void showsAnyProfileToAnInternalCaller() {
		UUID bobId = UUID.randomUUID();
		UserAccount bob = UserAccount.register(EmailAddress.of("bob@example.com"), "Bob", "h", NOW);
		given(this.accounts.findById(bobId)).willReturn(Optional.of(bob));
		Caller orderService = new Caller.Service("order-service", Set.of("internal"));

		assertThat(this.service.profile(bobId, orderService)).isSameAs(bob);
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.service.profile(UUID.randomUUID(), orderService));
	}

	@Test
	void hidesAnotherUsersProfileWithoutLookingItUp() {
		UUID bobId = UUID.randomUUID();

		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.service.profile(bobId, user(UUID.randomUUID())));
		then(this.accounts).should(never()).findById(any());
	}

	@Test
	void findsNoOwnProfileForAServiceToken() {
		assertThatExceptionOfType(UserNotFoundException.class)
			.isThrownBy(() -> this.service.ownProfile(new Caller.Service("order-service", Set.of("internal"))));
		then(this.accounts).should(never()).findById(any());
	}

	private static Caller user(UUID id) {
		return new Caller.User(id, Set.of());
	}

}
