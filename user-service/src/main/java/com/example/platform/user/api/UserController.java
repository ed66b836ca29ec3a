package com.example.platform.user.api;

import java.util.Optional;
import java.util.UUID;

import com.example.platform.user.domain.AccountService;
import com.example.platform.user.domain.UserNotFoundException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profiles: a user's own, and any user's for the platform's services (scope
 * {@code internal}).
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	private static final String INTERNAL_SCOPE = "internal";

	private final AccountService accounts;

	UserController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/me")
	UserResponse me(@AuthenticationPrincipal Jwt jwt) {
		// A service token has no user behind it, so no "me" either.
		Optional<UUID> caller = userId(jwt);
		return UserResponse
			.from(caller.map(id -> this.accounts.profile(id, caller, false)).orElseThrow(UserNotFoundException::new));
	}

	@GetMapping("/{id}")
	UserResponse user(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return UserResponse.from(this.accounts.profile(id, userId(jwt), hasInternalScope(jwt)));
	}

	private static Optional<UUID> userId(Jwt jwt) {
		try {
			return Optional.of(UUID.fromString(jwt.getSubject()));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// a service token: its subject is a client id, not a user
			return Optional.empty();
		}
	}

	private static boolean hasInternalScope(Jwt jwt) {
		Object scope = jwt.getClaims().get("scope");
		if (scope instanceof java.util.Collection<?> scopes) {
			return scopes.contains(INTERNAL_SCOPE);
		}
		return scope instanceof String value && java.util.Arrays.asList(value.split(" ")).contains(INTERNAL_SCOPE);
	}

}
