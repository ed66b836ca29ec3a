package com.example.platform.order.ordering;

import java.util.UUID;

/**
 * Port: the user service, asked whether a user exists.
 */
public interface UserDirectory {

	/**
	 * @param userId the user
	 * @return whether the user service knows the user
	 * @throws DependencyUnavailableException if the user service cannot say
	 */
	boolean exists(UUID userId);

}
