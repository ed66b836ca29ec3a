package com.example.platform.order.client;

import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The part of the user service's API this service uses.
 */
@HttpExchange("/api/users")
public interface UserServiceApi {

	@GetExchange("/{id}")
	UserBody user(@PathVariable UUID id);

	/**
	 * What this service reads of a user: only that it exists, under this id.
	 *
	 * @param id the user id
	 */
	record UserBody(UUID id) {
	}

}
