package com.example.platform.order.persistence;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import com.example.platform.order.ordering.CustomerReplica;
import com.example.platform.order.ordering.UserDirectory;

/**
 * The user directory as orders use it: customers remembered in memory, then this
 * service's {@link CustomerReplica}, and only for a customer in neither the user service
 * itself. A known customer costs a memory lookup or one primary-key read, never a call,
 * so orders are taken while the user service is down. A customer the user service
 * confirms is recorded in the replica (accounts older than the {@code UserRegistered}
 * events are filled in this way, on their first order); an unknown id is asked every
 * time, never remembered.
 */
public class ReplicatedUserDirectory implements UserDirectory {

	private final CustomerReplica replica;

	private final UserDirectory userService;

	private final Cache<UUID, Boolean> known;

	/**
	 * @param replica the customers recorded in this service
	 * @param userService the user service, asked about the others
	 * @param rememberFor how long a customer is trusted in memory without reading again
	 * @param maximumRemembered how many customers are remembered in memory at most
	 */
	public ReplicatedUserDirectory(CustomerReplica replica, UserDirectory userService, Duration rememberFor,
			long maximumRemembered) {
		this.replica = replica;
		this.userService = userService;
		this.known = Caffeine.newBuilder().expireAfterWrite(rememberFor).maximumSize(maximumRemembered).build();
	}

	@Override
	public boolean exists(UUID userId) {
		if (this.known.getIfPresent(userId) != null) {
			return true;
		}
		if (this.replica.contains(userId)) {
			this.known.put(userId, Boolean.TRUE);
			return true;
		}
		if (!this.userService.exists(userId)) {
			return false;
		}
		this.replica.confirmed(userId);
		this.known.put(userId, Boolean.TRUE);
		return true;
	}

}
