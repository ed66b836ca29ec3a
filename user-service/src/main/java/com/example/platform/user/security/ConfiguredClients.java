package com.example.platform.user.security;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The platform's services that may obtain client-credentials tokens, from configuration.
 * Secrets are hashed on start, so they are compared the same (constant-time) way as user
 * passwords.
 */
public class ConfiguredClients implements RegisteredClientRepository {

	private final Map<String, RegisteredClient> byClientId;

	/**
	 * @param clients client id to its secret, scopes and token lifetime
	 * @param passwordEncoder hashes the secrets
	 */
	public ConfiguredClients(Map<String, Client> clients, PasswordEncoder passwordEncoder) {
		this.byClientId = clients.entrySet()
			.stream()
			.map(entry -> toRegisteredClient(entry.getKey(), entry.getValue(), passwordEncoder))
			.collect(Collectors.toUnmodifiableMap(RegisteredClient::getClientId, Function.identity()));
	}

	private static RegisteredClient toRegisteredClient(String clientId, Client client, PasswordEncoder encoder) {
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientSecret(encoder.encode(client.secret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(scopes -> scopes.addAll(client.scopes()))
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(client.tokenTtl()).build())
			.build();
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("Clients come from configuration");
	}

	@Override
	public RegisteredClient findById(String id) {
		return this.byClientId.get(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return this.byClientId.get(clientId);
	}

	/**
	 * A configured client.
	 *
	 * @param secret the secret in clear
	 * @param scopes the scopes it may request
	 * @param tokenTtl lifetime of its tokens
	 */
	public record Client(String secret, Set<String> scopes, Duration tokenTtl) {
	}

}
