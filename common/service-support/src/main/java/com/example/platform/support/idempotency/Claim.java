package com.example.platform.support.idempotency;

import java.util.Optional;
import java.util.UUID;

/**
 * The key, held by the request that runs the work: what an earlier holder left behind,
 * and the link between the key and the resource the work creates.
 */
public interface Claim {

	/**
	 * @return the resource an earlier holder of the key created before it died (the
	 * request is being taken over), or the one linked by this holder; empty for a new
	 * request
	 */
	Optional<UUID> resourceId();

	/**
	 * @return whether this request took the key over from a holder whose lease ran out
	 */
	boolean takenOver();

	/**
	 * Links the key to the resource the work creates. Call it in the transaction that
	 * stores the resource, so the link and the resource commit together: a retry after a
	 * crash then finds the resource instead of creating a second one.
	 * @param resourceId the resource's id
	 * @throws RequestInFlightException if another request took the key over meanwhile
	 * (the transaction must roll back)
	 */
	void link(UUID resourceId);

}
