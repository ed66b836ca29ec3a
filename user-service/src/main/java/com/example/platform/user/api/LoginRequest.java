package com.example.platform.user.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/auth/login}. Sizes are bounded so nobody can make us hash
 * megabytes.
 *
 * @param email the registered address
 * @param password the password
 */
record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {
}
