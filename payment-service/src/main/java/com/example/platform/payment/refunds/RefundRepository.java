package com.example.platform.payment.refunds;

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
 * Stored refunds.
 */
public interface RefundRepository extends JpaRepository<Refund, UUID> {

	/**
	 * Reads a refund and locks its row until the transaction ends.
	 * @param id the refund id
	 * @return the locked refund
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Refund r where r.id = :id")
	Optional<Refund> findForUpdate(UUID id);

	/**
	 * @param paymentId the payment
	 * @return the sum of its pending and succeeded refunds, in minor units
	 */
	@Query("select coalesce(sum(r.amount), 0) from Refund r where r.paymentId = :paymentId"
			+ " and r.status <> com.example.platform.payment.refunds.RefundStatus.FAILED")
	long sumReserved(UUID paymentId);

	/**
	 * Pending refunds due for the resolver, locked, skipping rows another resolver holds.
	 * @param now the current time
	 * @param page how many
	 * @return the due refunds, oldest first
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("select r from Refund r where r.status = com.example.platform.payment.refunds.RefundStatus.PENDING"
			+ " and r.attempts.nextAttemptAt <= :now order by r.attempts.nextAttemptAt")
	List<Refund> findDueForResolver(Instant now, Pageable page);

	/**
	 * @param status a status
	 * @return how many are in it (the resolution backlog meter counts the pending ones)
	 */
	long countByStatus(RefundStatus status);

}
