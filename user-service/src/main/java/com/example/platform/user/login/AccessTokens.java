package com.example.platform.user.login;

import java.time.Duration;

import com.example.platform.user.accounts.UserAccount;

/**
 * Port: issues the access token a user gets on login.
 */
public interface AccessTokens {

	/**
	 * @param account the authenticated account
	 * @return the signed token and its lifetime
	 */
	IssuedToken issueFor(UserAccount account);

	/**
	 * A signed access token.
	 *
	 * @param value the compact JWT
	 * @param expiresIn its lifetime from now
	 */
	record IssuedToken(String value, Duration expiresIn) {
	}

}
