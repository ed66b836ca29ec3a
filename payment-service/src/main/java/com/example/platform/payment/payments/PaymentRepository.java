package com.example.platform.payment.payments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored payments.
 */
public interface PaymentRepository {

	/**
	 * Stores a new payment, or the changes of a stored one if nobody changed it since it
	 * was read.
	 * @param payment the payment
	 * @return the same payment, now stored
	 * @throws org.springframework.dao.OptimisticLockingFailureException if the stored
	 * payment changed since it was read
	 */
	Payment save(Payment payment);

	/**
	 * @param id the payment id
	 * @return the payment, if stored
	 */
	Optional<Payment> findById(UUID id);

	/**
	 * Reads a payment and locks its row until the transaction ends; refunds of one
	 * payment are serialised on it.
	 * @param id the payment id
	 * @return the locked payment
	 */
	Optional<Payment> findForUpdate(UUID id);

	/**
	 * @param orderId the order
	 * @return the order's payments, oldest first
	 */
	List<Payment> findByOrderOldestFirst(UUID orderId);

	/**
	 * Pending payments due for the resolver, locked; rows another resolver holds are
	 * skipped, so instances share the work without waiting on each other.
	 * @param now the current time
	 * @param limit how many at most
	 * @return the due payments, oldest first
	 */
	List<Payment> findDueForResolver(Instant now, int limit);

	/**
	 * @param status a status
	 * @return how many are in it (the resolution backlog meter counts the pending ones)
	 */
	long countByStatus(PaymentStatus status);

}
