package com.example.platform.payment.refunds;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored refunds.
 */
public interface RefundRepository {

	/**
	 * Stores a new refund, or the changes of a stored one if nobody changed it since it
	 * was read.
	 * @param refund the refund
	 * @return the same refund, now stored
	 * @throws org.springframework.dao.OptimisticLockingFailureException if the stored
	 * refund changed since it was read
	 */
	Refund save(Refund refund);

	/**
	 * @param id the refund id
	 * @return the refund, if stored
	 */
	Optional<Refund> findById(UUID id);

	/**
	 * Reads a refund and locks its row until the transaction ends.
	 * @param id the refund id
	 * @return the locked refund
	 */
	Optional<Refund> findForUpdate(UUID id);

	/**
	 * @param paymentId the payment
	 * @return the sum of its pending and succeeded refunds, in minor units
	 */
	long sumReserved(UUID paymentId);

	/**
	 * Pending refunds due for the resolver, locked, skipping rows another resolver holds.
	 * @param now the current time
	 * @param limit how many at most
	 * @return the due refunds, oldest first
	 */
	List<Refund> findDueForResolver(Instant now, int limit);

	/**
	 * @param status a status
	 * @return how many are in it (the resolution backlog meter counts the pending ones)
	 */
	long countByStatus(RefundStatus status);

}
