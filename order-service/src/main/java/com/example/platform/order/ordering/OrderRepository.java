package com.example.platform.order.ordering;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Stored orders, each with its lines.
 */
public interface OrderRepository {

	/**
	 * Stores a new order, or the changes of a stored one if nobody changed it since it
	 * was read.
	 * @param order the order
	 * @return the same order, now stored
	 * @throws org.springframework.dao.OptimisticLockingFailureException if the stored
	 * order changed since it was read
	 */
	Order save(Order order);

	/**
	 * @param id the order
	 * @return the order with its lines, if stored
	 */
	Optional<Order> findById(UUID id);

	/**
	 * @param id the order
	 * @param userId the customer
	 * @return the order, if it is the customer's
	 */
	Optional<Order> findByIdAndUserId(UUID id, UUID userId);

	/**
	 * @param userId the customer
	 * @param pageable the page (or unpaged)
	 * @return the customer's orders, newest first
	 */
	Page<Order> findByUserNewestFirst(UUID userId, Pageable pageable);

}
