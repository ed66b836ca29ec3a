package com.example.platform.order.client;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.example.platform.order.ordering.DependencyUnavailableException;
import com.example.platform.order.ordering.UserDirectory;

import org.springframework.web.client.HttpClientErrorException;

/**
 * The user directory over HTTP: {@code GET /api/users/{id}} with a service token.
 * Customers the user service confirmed are remembered for a while (accounts are never
 * deleted today), so a returning customer's order costs no call; an unknown id is asked
 * every time, never remembered.
 */
public class HttpUserDirectory implements UserDirectory {

	private final UserServiceApi api;

	private final RemoteCalls calls;

	private final Cache<UUID, Boolean> known;

	/**
	 * @param api the user service's API
	 * @param calls circuit breaker and retry for the user service
	 * @param rememberFor how long a confirmed customer is trusted without asking again
	 * @param maximumRemembered how many confirmed customers are remembered at most
	 */
	public HttpUserDirectory(UserServiceApi api, RemoteCalls calls, Duration rememberFor, long maximumRemembered) {
		this.api = api;
		this.calls = calls;
		this.known = Caffeine.newBuilder().expireAfterWrite(rememberFor).maximumSize(maximumRemembered).build();
	}

	@Override
	public boolean exists(UUID userId) {
		if (this.known.getIfPresent(userId) != null) {
			return true;
		}
		boolean exists = ask(userId);
		if (exists) {
			this.known.put(userId, Boolean.TRUE);
		}
		return exists;
	}

	private boolean ask(UUID userId) {
		try {
			return this.calls.repeatable(() -> userId.equals(this.api.user(userId).id()));
		}
		catch (HttpClientErrorException.NotFound ex) {
			return false;
		}
		catch (HttpClientErrorException ex) {
			// 401/403: our service credentials are wrong; the caller can do nothing about
			// it.
			throw new DependencyUnavailableException("user service", ex);
		}
	}

}
