package com.example.platform.user.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.example.platform.support.validation.NoControlCharacters;

/**
 * Body of {@code POST /api/auth/register}. The email is trimmed before it is validated.
 * No field may hold a control character: the name and email end up in logs and other
 * systems' terminals, and a password with one could not be typed again on most clients.
 *
 * @param email a valid address, at most 254 characters
 * @param password 8 to 128 characters
 * @param name 1 to 100 characters
 */
record RegisterRequest(
		@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @NoControlCharacters String email,
		@NotNull @Size(min = 8, max = 128) @NoControlCharacters String password,
		@NotBlank @Size(max = 100) @NoControlCharacters String name) {

	RegisterRequest {
		email = (email != null) ? email.strip() : null;
	}

}
