package com.example.platform.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.example.platform.support.validation.NoControlCharacters;

/**
 * Body of {@code POST /api/auth/login}. Sizes are bounded so nobody can make us hash
 * megabytes. The email may hold no control character (no registered address has one, and
 * it keys the login throttle); the password is only hashed and compared, and is left as
 * it is so an account registered before control characters were refused can still log in.
 *
 * @param email the registered address
 * @param password the password
 */
record LoginRequest(@NotBlank @Size(max = 254) @NoControlCharacters String email,
		@NotNull @Size(max = 128) String password) {
}
