package dev.steward.incidents.internal;

import java.util.Map;

import dev.steward.notifications.NotificationFailed;
import dev.steward.notifications.NotificationSent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts each delivered and each failed notification on its incident's timeline, once even
 * when an outcome is delivered again after a node's failure.
 */
@Component
class NotificationOutcomes {

	private final IncidentStore incidents;

	private final Timeline timeline;

	NotificationOutcomes(IncidentStore incidents, Timeline timeline) {
		this.incidents = incidents;
		this.timeline = timeline;
	}

	@ApplicationModuleListener
	void on(NotificationSent sent) {
		if (this.incidents.find(sent.incidentNumber()).isPresent()) {
			this.timeline.recordOnce(sent.incidentNumber(), sent.at(), "notified",
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
