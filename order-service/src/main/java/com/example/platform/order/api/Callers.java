package com.example.platform.order.api;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: orders belong to users, so the token's subject must be a user id.
 */
final class Callers {

	private Callers() {
	}

	static UUID userId(Jwt jwt) {
		try {
			return UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new AccessDeniedException("Orders belong to users; this token is not a user's.");
		}
	}

}
