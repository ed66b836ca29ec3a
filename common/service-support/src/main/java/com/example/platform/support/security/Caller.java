package com.example.platform.support.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling, as the validated token says: a user of the platform (the token's
 * subject is their id) or one of the platform's services (client credentials: the subject
 * is the client id), with the scopes the token grants. Controllers take it as a parameter
 * ({@link CallerArgumentResolver}) and hand it to their application service; nothing
 * reads claims by hand.
 */
public sealed interface Caller {

	/** The authority prefix Spring Security gives a token's scopes. */
	String SCOPE_PREFIX = "SCOPE_";

	/**
	 * @return the token's subject: a user id, or a client id
	 */
	String subject();

	/**
	 * @return the token's scopes, without the {@code SCOPE_} prefix
	 */
	Set<String> scopes();

	/**
	 * @param scope a scope, e.g. {@code internal}
	 * @return whether the token grants it
	 */
	default boolean hasScope(String scope) {
		return scopes().contains(scope);
	}

	/**
	 * @return the user's id, empty for a service
	 */
	default Optional<UUID> userId() {
		return (this instanceof User user) ? Optional.of(user.id()) : Optional.empty();
	}

	/**
	 * For operations that only make sense for a user (their orders, their profile).
	 * @return the user's id
	 * @throws AccessDeniedException for a service token ({@code 403})
	 */
	default UUID requireUser() {
		return userId().orElseThrow(() -> new AccessDeniedException("This operation needs a user's token."));
	}

	/**
	 * Builds the caller from a validated token's subject and the authorities Spring
	 * Security derived from it.
	 * @param subject the token's {@code sub}
	 * @param authorities the authentication's authorities
	 * @return a user when the subject is a user id, a service otherwise
	 */
	static Caller of(String subject, Collection<? extends GrantedAuthority> authorities) {
		Set<String> scopes = authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority != null && authority.startsWith(SCOPE_PREFIX))
			.map(authority -> authority.substring(SCOPE_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		UUID userId = parseUserId(subject);
		return (userId != null) ? new User(userId, scopes) : new Service(subject, scopes);
	}

	private static UUID parseUserId(String subject) {
		if (subject == null || subject.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(subject);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A user of the platform.
	 *
	 * @param id the user's id (the token's subject)
	 * @param scopes the token's scopes
	 */
	record User(UUID id, Set<String> scopes) implements Caller {

		@Override
		public String subject() {
			return this.id.toString();
		}

	}

	/**
	 * One of the platform's services, calling with its own client-credentials token.
	 *
	 * @param clientId the service's client id (the token's subject)
	 * @param scopes the token's scopes
	 */
	record Service(String clientId, Set<String> scopes) implements Caller {

		@Override
		public String subject() {
			return this.clientId;
		}

	}

}
