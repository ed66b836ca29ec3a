package com.example.platform.user.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued client-credentials tokens. They are self-contained JWTs
 * checked by signature and expiry, and the platform offers no introspection or
 * revocation, so storing them (the in-memory default) would only grow memory with every
 * token issued.
 */
public class StatelessAuthorizationService implements OAuth2AuthorizationService {

	@Override
	public void save(OAuth2Authorization authorization) {
		// nothing to keep: see the class comment
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		// nothing was kept
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return null;
	}

}
