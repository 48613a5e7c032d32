package dev.steward.incidents.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.steward.notifications.NotificationFailed;
import dev.steward.notifications.NotificationSent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts each delivered and each failed notification on its incident's timeline, once even
 * when an outcome is delivered again after a node's failure, and measures how long after
 * the incident was triggered the first one went out.
 */
@Component
class NotificationOutcomes {

	private static final String NOTIFIED = "notified";

	private final IncidentStore incidents;

	private final Timeline timeline;

	private final IncidentMetrics metrics;

	NotificationOutcomes(IncidentStore incidents, Timeline timeline, IncidentMetrics metrics) {
		this.incidents = incidents;
		this.timeline = timeline;
		this.metrics = metrics;
	}

	/**
	 * Holds the incident's row while it looks for an earlier {@code notified} entry, so
	 * that of two deliveries sent at once only one counts as the first, and an outcome
	 * delivered again counts no more.
	 */
	@ApplicationModuleListener
	void on(NotificationSent sent) {
		Optional<IncidentStore.Row> incident = this.incidents.findForUpdate(sent.incidentNumber());
		if (incident.isPresent()) {
			if (!this.incidents.hasTimelineEntry(sent.incidentNumber(), NOTIFIED)) {
				this.metrics.firstNotificationSent(incident.get().urgency(),
						Duration.between(incident.get().createdAt(), sent.at()));
			}
			this.timeline.recordOnce(sent.incidentNumber(), sent.at(), NOTIFIED,
					sent.user() + " by " + sent.channel() + " (" + sent.contactMethod() + ")",
					Map.of("user", sent.user(), "channel", sent.channel(), "contactMethod", sent.contactMethod(),
							"attempt", sent.attempt()));
		}
	}

	@ApplicationModuleListener
	void on(NotificationFailed failed) {
		if (this.incidents.find(failed.incidentNumber()).isPresent()) {
			this.timeline.recordOnce(failed.incidentNumber(), failed.at(), "notification-failed",
					failed.user() + " by " + failed.channel() + ": " + failed.reason()
							+ (failed.finalFailure() ? " (giving up)" : " (will retry)"),
					Map.of("user", failed.user(), "channel", failed.channel(), "contactMethod", failed.contactMethod(),
							"attempt", failed.attempt(), "final", failed.finalFailure()));
		}
	}

}
