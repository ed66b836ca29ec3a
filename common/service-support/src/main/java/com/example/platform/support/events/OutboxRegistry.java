package com.example.platform.support.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Modulith's event publication registry with the bookkeeping of a send made
 * cheaper: Modulith opens a transaction of its own before every send (to mark the entry
 * "processing", which the first table layout does not store) and another after it (to
 * complete the entry). Here the first is skipped and completions are written in batches
 * by {@link OutboxCompletions}: per event, two transactions fewer (a connection, a commit
 * and, for the completion, an update each). Everything else (storing entries in the
 * change's transaction, resubmission, purging) is Modulith's.
 */
public class OutboxRegistry extends DefaultEventPublicationRegistry {

	/**
	 * @param repository Modulith's JDBC store of the entries
	 * @param completions where sent entries are completed
	 * @param clock the registry's clock
	 */
	public OutboxRegistry(EventPublicationRepository repository, OutboxCompletions completions, Clock clock) {
		super(new BatchedCompletions(repository, completions), clock);
	}

	/** Nothing stored (the first table layout has no status column): no transaction. */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public void markProcessing(Object event, PublicationTargetIdentifier targetIdentifier) {
		super.markProcessing(event, targetIdentifier);
	}

	/**
	 * Queues the completion: written with others in one statement, no transaction here.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public void markCompleted(Object event, PublicationTargetIdentifier targetIdentifier) {
		super.markCompleted(event, targetIdentifier);
	}

	/**
	 * Modulith's store, whose completions by entry (the registry's usual path) are queued
	 * for {@link OutboxCompletions}; the rest goes straight to the store.
	 */
	private record BatchedCompletions(EventPublicationRepository store,
			OutboxCompletions completions) implements EventPublicationRepository {

		@Override
		public void markCompleted(TargetEventPublication publication, Instant completionDate) {
			publication.markCompleted(completionDate);
			this.completions.complete(publication.getIdentifier(), completionDate);
		}

		@Override
		public void markCompleted(UUID identifier, Instant completionDate) {
			this.completions.complete(identifier, completionDate);
		}

		@Override
		public TargetEventPublication create(TargetEventPublication publication) {
			return this.store.create(publication);
		}

		@Override
		public void markProcessing(UUID identifier) {
			this.store.markProcessing(identifier);
		}

		@Override
		public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
			this.store.markCompleted(event, identifier, completionDate);
		}

		@Override
		public void markFailed(UUID identifier) {
			this.store.markFailed(identifier);
		}

		@Override
		public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
			return this.store.markResubmitted(identifier, resubmissionDate);
		}

		@Override
		public List<TargetEventPublication> findIncompletePublications() {
			return this.store.findIncompletePublications();
		}

		@Override
		public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
			return this.store.findIncompletePublicationsPublishedBefore(instant);
		}

		@Override
		public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
				PublicationTargetIdentifier targetIdentifier) {
			return this.store.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
		}

		@Override
		public List<TargetEventPublication> findCompletedPublications() {
			return this.store.findCompletedPublications();
		}

		@Override
		public void deletePublications(List<UUID> identifiers) {
			this.store.deletePublications(identifiers);
		}

		@Override
		public void deleteCompletedPublications() {
			this.store.deleteCompletedPublications();
		}

		@Override
		public void deleteCompletedPublicationsBefore(Instant instant) {
			this.store.deleteCompletedPublicationsBefore(instant);
		}

		@Override
		public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
			return this.store.findFailedPublications(criteria);
		}

		@Override
		public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
			return this.store.findByStatus(status);
		}

		@Override
		public int countByStatus(EventPublication.Status status) {
			return this.store.countByStatus(status);
		}

	}

}
