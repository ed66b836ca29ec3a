package com.example.platform.order.ordering;

import java.time.Instant;
import java.util.UUID;

/**
 * Port: this service's own record of the customers the user service has told it about, so
 * that known customers are checked without asking the user service. Every write is
 * idempotent by user id: recording a customer again changes nothing.
 */
public interface CustomerReplica {

	/**
	 * @param userId the user
	 * @return whether the customer is recorded
	 */
	boolean contains(UUID userId);

	/**
	 * Records a registration the user service announced; also completes a customer
	 * recorded earlier from a lookup.
	 * @param userId the user
	 * @param registeredAt when the account was registered
	 */
	void registered(UUID userId, Instant registeredAt);

	/**
	 * Records a customer the user service confirmed when asked (an account older than its
	 * events, or whose event has not arrived yet).
	 * @param userId the user
	 */
	void confirmed(UUID userId);

}
