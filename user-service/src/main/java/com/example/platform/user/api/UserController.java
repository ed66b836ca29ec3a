package com.example.platform.user.api;

import java.util.UUID;

import com.example.platform.support.security.Caller;
import com.example.platform.user.accounts.AccountService;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profiles: a user's own, and any user's for the platform's services (scope
 * {@code internal}). Who may see what is the {@link AccountService}'s decision.
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	private final AccountService accounts;

	UserController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/me")
	UserResponse me(Caller caller) {
		return UserResponse.from(this.accounts.ownProfile(caller));
	}

	@GetMapping("/{id}")
	UserResponse user(@PathVariable UUID id, Caller caller) {
		return UserResponse.from(this.accounts.profile(id, caller));
	}

}
