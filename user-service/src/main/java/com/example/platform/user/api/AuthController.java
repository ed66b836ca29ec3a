package com.example.platform.user.api;

import java.net.URI;

import jakarta.validation.Valid;

import com.example.platform.user.accounts.AccountService;
import com.example.platform.user.accounts.UserAccount;
import com.example.platform.user.login.AccessTokens;
import com.example.platform.user.login.LoginService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Registration and login: the two endpoints that need no token.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final AccountService accounts;

	private final LoginService logins;

	AuthController(AccountService accounts, LoginService logins) {
		this.accounts = accounts;
		this.logins = logins;
	}

	@PostMapping("/register")
	ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
		UserAccount account = this.accounts.register(request.email(), request.name(), request.password());
		return ResponseEntity.created(URI.create("/api/users/" + account.getId())).body(UserResponse.from(account));
	}

	@PostMapping("/login")
	TokenResponse login(@Valid @RequestBody LoginRequest request) {
		AccessTokens.IssuedToken token = this.logins.login(request.email(), request.password());
		return new TokenResponse(token.value(), "Bearer", token.expiresIn().toSeconds());
	}

}
