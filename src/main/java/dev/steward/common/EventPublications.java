package dev.steward.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Keeps the event publication registry (the events one module hands to another's
 * listener, stored with the change that raised them) moving on a cluster: every
 * {@code steward.events.recovery-interval}, on one node, publications that stayed
 * incomplete for {@code steward.events.resubmit-after} — their listener failed, or the
 * node that ran it died — are handed to their listeners again; once a day, completed ones
 * older than {@code steward.events.keep-completed} are deleted. Listeners are therefore
 * called at least once and must be idempotent.
 */
@Configuration(proxyBeanMethods = false)
public class EventPublications {

	/** The task name of the resubmission in {@code scheduled_tasks}. */
	static final String RECOVERY_TASK = "event-publication-recovery";

	/** The task name of the purge in {@code scheduled_tasks}. */
	static final String PURGE_TASK = "event-publication-purge";

	private final ObjectProvider<IncompleteEventPublications> incomplete;

	private final ObjectProvider<CompletedEventPublications> completed;

	private final Clock clock;

	private final Duration resubmitAfter;

	private final Duration keepCompleted;

	EventPublications(ObjectProvider<IncompleteEventPublications> incomplete,
			ObjectProvider<CompletedEventPublications> completed, Clock clock,
			@Value("${steward.events.resubmit-after:PT2M}") Duration resubmitAfter,
			@Value("${steward.events.keep-completed:P7D}") Duration keepCompleted) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.clock = clock;
		this.resubmitAfter = resubmitAfter;
		this.keepCompleted = keepCompleted;
	}

	@Bean
	RecurringTask<Void> eventPublicationRecovery(@Value("${steward.events.recovery-interval:PT1M}") Duration interval) {
		return Tasks.recurring(RECOVERY_TASK, FixedDelay.of(interval)).execute((instance, context) -> resubmitStale());
	}

	@Bean
	RecurringTask<Void> eventPublicationPurge() {
		return Tasks.recurring(PURGE_TASK, FixedDelay.ofHours(24))
			.execute((instance, context) -> this.completed.getObject().deletePublicationsOlderThan(this.keepCompleted));
	}

	/**
	 * Hands every publication that is incomplete, and was neither published nor last
	 * resubmitted within {@code steward.events.resubmit-after}, to its listener again.
	 */
	public void resubmitStale() {
		Instant cutoff = this.clock.instant().minus(this.resubmitAfter);
		this.incomplete.getObject().resubmitIncompletePublications(publication -> stale(publication, cutoff));
	}

	private static boolean stale(EventPublication publication, Instant cutoff) {
		Instant lastTry = publication.getLastResubmissionDate();
		return publication.getPublicationDate().isBefore(cutoff) && (lastTry == null || lastTry.isBefore(cutoff));
	}

}
