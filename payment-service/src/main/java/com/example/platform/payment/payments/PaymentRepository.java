package com.example.platform.payment.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * Stored payments.
 */
public interface PaymentRepository extends JpaRepository<Payment, UUID> {

	/**
	 * Reads a payment and locks its row until the transaction ends; refunds of one
	 * payment are serialised on it.
	 * @param id the payment id
	 * @return the locked payment
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.id = :id")
	Optional<Payment> findForUpdate(UUID id);

	List<Payment> findByOrderIdOrderByCreatedAtAsc(UUID orderId);

	/**
	 * Pending payments due for the resolver, locked; rows another resolver holds are
	 * skipped, so instances share the work without waiting on each other.
	 * @param now the current time
	 * @param page how many
	 * @return the due payments, oldest first
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("select p from Payment p where p.status = com.example.platform.payment.payments.PaymentStatus.PENDING"
			+ " and p.attempts.nextAttemptAt <= :now order by p.attempts.nextAttemptAt")
	List<Payment> findDueForResolver(Instant now, Pageable page);

	/**
	 * @param status a status
	 * @return how many are in it (the resolution backlog meter counts the pending ones)
	 */
	long countByStatus(PaymentStatus status);

}
