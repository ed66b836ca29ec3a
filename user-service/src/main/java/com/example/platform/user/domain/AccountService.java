package com.example.platform.user.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Registration, login and profile lookup. Password hashing is deliberately slow, so it
 * happens outside any database transaction: no connection is held while a hash is
 * computed.
 */
@Service
public class AccountService {

	private static final Log logger = LogFactory.getLog(AccountService.class);

	private final UserAccountRepository accounts;

	private final LoginFailureRepository loginFailures;

	private final PasswordEncoder passwordEncoder;

	private final AccessTokens accessTokens;

	private final LoginThrottle throttle;

	private final Clock clock;

	/**
	 * Compared against when the email is unknown, so both failures take the same time.
	 */
	private final String decoyHash;

	public AccountService(UserAccountRepository accounts, LoginFailureRepository loginFailures,
			PasswordEncoder passwordEncoder, AccessTokens accessTokens, LoginThrottle throttle, Clock clock) {
		this.accounts = accounts;
		this.loginFailures = loginFailures;
		this.passwordEncoder = passwordEncoder;
		this.accessTokens = accessTokens;
		this.throttle = throttle;
		this.clock = clock;
		this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
	}

	/**
	 * Registers an account; exactly one of several concurrent registrations of one
	 * address wins (the unique index decides), the others get
	 * {@link EmailAlreadyRegisteredException}.
	 * @param email the address as typed
	 * @param name the display name
	 * @param password the password in clear, never stored or logged
	 * @return the stored account
	 */
	public UserAccount register(String email, String name, String password) {
		EmailAddress address = EmailAddress.of(email);
		PasswordPolicy.violation(password, address).ifPresent(reason -> {
			throw new InvalidPasswordException(reason);
		});
		if (this.accounts.existsByEmailKey(address.key())) {
			throw new EmailAlreadyRegisteredException();
		}
		UserAccount account = UserAccount.register(address, name, this.passwordEncoder.encode(password),
				this.clock.instant());
		try {
			return this.accounts.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException ex) {
			// Lost a race with a concurrent registration of the same address.
			throw new EmailAlreadyRegisteredException();
		}
	}

	/**
	 * Checks the credentials and issues an access token. Unknown address and wrong
	 * password fail alike, in about the same time, and both count towards the address'
	 * throttle.
	 * @param email the address as typed
	 * @param password the password in clear
	 * @return the access token
	 */
	public AccessTokens.IssuedToken login(String email, String password) {
		EmailAddress address = EmailAddress.of(email);
		Instant now = this.clock.instant();
		Optional<LoginThrottle.LoginFailures> failures = this.loginFailures.findById(address.key())
			.map(LoginFailure::toFailures);
		this.throttle.blockedFor(failures, now).ifPresent(wait -> {
			throw new LoginThrottledException(wait);
		});
		Optional<UserAccount> account = this.accounts.findByEmailKey(address.key());
		String hash = account.map(UserAccount::getPasswordHash).orElse(this.decoyHash);
		boolean matches = this.passwordEncoder.matches(password, hash);
		if (account.isEmpty() || !matches) {
			this.loginFailures.recordFailure(address.key(), now, this.throttle.staleBefore(now));
			throw new InvalidCredentialsException();
		}
		if (failures.isPresent()) {
			this.loginFailures.deleteById(address.key());
		}
		return this.accessTokens.issueFor(account.get());
	}

	/**
	 * A profile the caller may see: their own, or anyone's for an internal (service)
	 * caller. Anything else is "not found", so ids of other users reveal nothing.
	 * @param id the requested user
	 * @param callerId the caller's user id, if the caller is a user
	 * @param internalCaller whether the caller holds the internal scope
	 * @return the account
	 */
	public UserAccount profile(UUID id, Optional<UUID> callerId, boolean internalCaller) {
		if (!internalCaller && !callerId.filter(id::equals).isPresent()) {
			throw new UserNotFoundException();
		}
		return this.accounts.findById(id).orElseThrow(UserNotFoundException::new);
	}

	/**
	 * Drops failure counters whose window is over, so the table stays as small as the
	 * attacks.
	 */
	@Scheduled(fixedDelayString = "${platform.auth.throttle.cleanup-interval:PT10M}")
	public void purgeStaleLoginFailures() {
		int purged = this.loginFailures.deleteStale(this.throttle.staleBefore(this.clock.instant()));
		if (purged > 0) {
			logger.debug("Purged " + purged + " stale login failure counters");
		}
	}

}
