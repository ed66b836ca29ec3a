package com.example.platform.user.login;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.example.platform.user.accounts.EmailAddress;
import com.example.platform.user.accounts.PasswordHashing;
import com.example.platform.user.accounts.UserAccount;
import com.example.platform.user.accounts.UserAccountRepository;

import org.springframework.stereotype.Service;

/**
 * Login: checks credentials under the {@link LoginThrottle} and issues the access token.
 * Password hashing is deliberately slow, so it happens outside any database transaction:
 * no connection is held while a hash is computed.
 */
@Service
public class LoginService {

	private final UserAccountRepository accounts;

	private final LoginFailureRepository loginFailures;

	private final PasswordHashing passwords;

	private final AccessTokens accessTokens;

	private final LoginThrottle throttle;

	private final Clock clock;

	/**
	 * Compared against when the email is unknown, so both failures take the same time.
	 */
	private final String decoyHash;

	public LoginService(UserAccountRepository accounts, LoginFailureRepository loginFailures, PasswordHashing passwords,
			AccessTokens accessTokens, LoginThrottle throttle, Clock clock) {
		this.accounts = accounts;
		this.loginFailures = loginFailures;
		this.passwords = passwords;
		this.accessTokens = accessTokens;
		this.throttle = throttle;
		this.clock = clock;
		this.decoyHash = passwords.hash(UUID.randomUUID().toString());
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
		boolean matches = this.passwords.matches(password, hash);
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
	 * Drops failure counters whose window is over, so the table stays as small as the
	 * attacks.
	 * @return how many counters were dropped
	 */
	public int purgeStaleFailures() {
		return this.loginFailures.deleteStale(this.throttle.staleBefore(this.clock.instant()));
	}

}
