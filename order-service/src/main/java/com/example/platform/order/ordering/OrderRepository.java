package com.example.platform.order.ordering;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored orders.
 */
public interface OrderRepository extends JpaRepository<Order, UUID> {

	Optional<Order> findByIdAndUserId(UUID id, UUID userId);

	Page<Order> findByUserIdOrderByCreatedAtDescIdDesc(UUID userId, Pageable pageable);

}
