package com.example.platform.order.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The orders that need reconciliation, handed out to one instance at a time.
 */
public interface ReconciliationQueue {

	/**
	 * Claims due orders: counts an attempt on each and reserves them until
	 * {@code leaseUntil}, so no other instance takes them meanwhile and a crash only
	 * delays them.
	 * @param now the current time
	 * @param leaseUntil until when the claimed orders are reserved
	 * @param limit most orders to claim
	 * @return the claimed orders' ids
	 */
	List<UUID> claim(Instant now, Instant leaseUntil, int limit);

	/**
	 * @return how many orders wait for reconciliation now (due or not), for the backlog
	 * meter
	 */
	long backlog();

}
