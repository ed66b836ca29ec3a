package com.example.platform.user.api;

import java.time.Instant;
import java.util.UUID;

import com.example.platform.user.accounts.UserAccount;

/**
 * A user's profile as the API shows it; never the password hash.
 *
 * @param id the user id (the {@code sub} of the user's tokens)
 * @param email the address as registered, trimmed
 * @param name the display name
 * @param createdAt when the account was registered
 */
record UserResponse(UUID id, String email, String name, Instant createdAt) {

	static UserResponse from(UserAccount account) {
		return new UserResponse(account.getId(), account.getEmail().value(), account.getName(), account.getCreatedAt());
	}

}
