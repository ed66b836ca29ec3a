package com.example.platform.user.accounts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A registered account. The password is only ever held as a hash.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String email;

	@Column(nullable = false)
	private String name;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected UserAccount() {
		// for JPA
	}

	private UserAccount(UUID id, EmailAddress email, String name, String passwordHash, Instant createdAt) {
		this.id = id;
		this.email = email.value();
		this.name = name;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	/**
	 * A new account.
	 * @param email the trimmed address
	 * @param name the display name, trimmed
	 * @param passwordHash the encoded password
	 * @param now the registration time
	 * @return the account, not yet stored
	 */
	public static UserAccount register(EmailAddress email, String name, String passwordHash, Instant now) {
		// PostgreSQL keeps microseconds: answer with what a later read will show.
		return new UserAccount(UUID.randomUUID(), email, name.strip(), passwordHash,
				now.truncatedTo(ChronoUnit.MICROS));
	}

	public UUID getId() {
		return this.id;
	}

	public EmailAddress getEmail() {
		return new EmailAddress(this.email);
	}

	public String getName() {
		return this.name;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
