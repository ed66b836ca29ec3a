package com.example.platform.user.accounts;

/**
 * The password breaks the {@link PasswordPolicy}.
 */
public class InvalidPasswordException extends RuntimeException {

	/**
	 * @param reason what the policy requires, phrased as the end of "password ..."
	 */
	public InvalidPasswordException(String reason) {
		super(reason);
	}

}
