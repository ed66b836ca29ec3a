package com.example.platform.order.client;

import java.util.UUID;

import com.example.platform.order.ordering.DependencyUnavailableException;
import com.example.platform.order.ordering.UserDirectory;

import org.springframework.web.client.HttpClientErrorException;

/**
 * The user directory over HTTP: {@code GET /api/users/{id}} with a service token, asked
 * on every call. Orders reach it only for customers this service has not recorded (see
 * {@code persistence.ReplicatedUserDirectory}, which also remembers the answers).
 */
public class HttpUserDirectory implements UserDirectory {

	private final UserServiceApi api;

	private final RemoteCalls calls;

	/**
	 * @param api the user service's API
	 * @param calls circuit breaker and retry for the user service
	 */
	public HttpUserDirectory(UserServiceApi api, RemoteCalls calls) {
		this.api = api;
		this.calls = calls;
	}

	@Override
	public boolean exists(UUID userId) {
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
