package com.example.platform.user.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/auth/register}. The email is trimmed before it is validated.
 *
 * @param email a valid address, at most 254 characters
 * @param password 8 to 128 characters
 * @param name 1 to 100 characters
 */
record RegisterRequest(@NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") String email,
		@NotNull @Size(min = 8, max = 128) String password, @NotBlank @Size(max = 100) String name) {

	RegisterRequest {
		email = (email != null) ? email.strip() : null;
	}

}
