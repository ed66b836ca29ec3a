package com.example.platform.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.example.platform.support.idempotency.Claim;
import com.example.platform.support.idempotency.IdempotentRequests;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * A key held by the request under test, for unit tests of application services with the
 * idempotency mechanism mocked: new, or taken over from a holder that died after creating
 * a resource.
 */
public final class TestClaim implements Claim {

	private final UUID takenOverResource;

	private final List<UUID> linked = new ArrayList<>();

	private TestClaim(UUID takenOverResource) {
		this.takenOverResource = takenOverResource;
	}

	/**
	 * @return a key claimed by a new request
	 */
	public static TestClaim fresh() {
		return new TestClaim(null);
	}

	/**
	 * @param resourceId what the dead holder created
	 * @return a key taken over from a holder that died after creating the resource
	 */
	public static TestClaim takenOverWith(UUID resourceId) {
		return new TestClaim(resourceId);
	}

	/**
	 * Makes the mocked mechanism run the work with this claim.
	 * @param idempotency the mocked mechanism
	 * @return this claim
	 */
	@SuppressWarnings("unchecked")
	public TestClaim runsWorkOf(IdempotentRequests idempotency) {
		given(idempotency.execute(any(), any(), any()))
			.willAnswer(invocation -> invocation.<Function<Claim, Object>>getArgument(2).apply(this));
		return this;
	}

	/**
	 * @return the resources the work linked to the key
	 */
	public List<UUID> linked() {
		return this.linked;
	}

	@Override
	public Optional<UUID> resourceId() {
		return (this.linked.isEmpty()) ? Optional.ofNullable(this.takenOverResource)
				: Optional.of(this.linked.getLast());
	}

	@Override
	public boolean takenOver() {
		return this.takenOverResource != null;
	}

	@Override
	public void link(UUID resourceId) {
		this.linked.add(resourceId);
	}

}
