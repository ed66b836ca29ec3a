package com.example.platform.user.accounts;

import java.time.Clock;
import java.util.UUID;

import com.example.platform.support.events.Outbox;
import com.example.platform.support.security.Caller;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Registration and profile lookup, with the rule who may see which profile. Password
 * hashing is deliberately slow, so it happens outside any database transaction: no
 * connection is held while a hash is computed. A registration is announced as
 * {@link UserRegistered} through the outbox, in the transaction that stores the account.
 */
@Service
public class AccountService {

	/** The scope of the platform's own services, which may read any profile. */
	static final String INTERNAL_SCOPE = "internal";

	private final UserAccountRepository accounts;

	private final PasswordHashing passwords;

	private final Clock clock;

	private final TransactionOperations transactions;

	private final Outbox outbox;

	public AccountService(UserAccountRepository accounts, PasswordHashing passwords, Clock clock,
			TransactionOperations transactions, Outbox outbox) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
		this.transactions = transactions;
		this.outbox = outbox;
	}

	/**
	 * Registers an account; exactly one of several concurrent registrations of one
	 * address wins (the unique index decides), the others get
	 * {@link EmailAlreadyRegisteredException}. The account and its {@link UserRegistered}
	 * event commit together: a registration that fails publishes nothing.
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
		UserAccount account = UserAccount.register(address, name, this.passwords.hash(password), this.clock.instant());
		try {
			return this.transactions.execute(status -> {
				UserAccount stored = this.accounts.saveAndFlush(account);
				this.outbox.publish(UserRegistered.of(stored));
				return stored;
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Lost a race with a concurrent registration of the same address.
			throw new EmailAlreadyRegisteredException();
		}
	}

	/**
	 * The caller's own profile. A service token has no user behind it, so no profile
	 * either.
	 * @param caller who is asking
	 * @return the caller's account
	 * @throws UserNotFoundException for a service, or a user whose account is gone
	 */
	public UserAccount ownProfile(Caller caller) {
		return caller.userId().map(id -> profile(id, caller)).orElseThrow(UserNotFoundException::new);
	}

	/**
	 * A profile the caller may see: their own, or anyone's for the platform's services
	 * (scope {@code internal}). Anything else is "not found", so ids of other users
	 * reveal nothing.
	 * @param id the requested user
	 * @param caller who is asking
	 * @return the account
	 * @throws UserNotFoundException when there is no such user or the caller may not see
	 * it
	 */
	public UserAccount profile(UUID id, Caller caller) {
		if (!maySee(caller, id)) {
			throw new UserNotFoundException();
		}
		return this.accounts.findById(id).orElseThrow(UserNotFoundException::new);
	}

	private static boolean maySee(Caller caller, UUID id) {
		return caller.hasScope(INTERNAL_SCOPE) || caller.userId().filter(id::equals).isPresent();
	}

}
