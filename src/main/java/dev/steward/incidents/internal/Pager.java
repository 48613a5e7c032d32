package dev.steward.incidents.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.steward.notifications.Notification;
import dev.steward.notifications.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands escalation steps to the notifications module: one notification per paged user and
 * step, under a key that names the incident, step and user, so that a step planned twice
 * (a re-run, a second node) is delivered once.
 */
@Component
public class Pager {

	private final Notifications notifications;

	private final String baseUrl;

	Pager(Notifications notifications, @Value("${steward.base-url:http://localhost:8080}") String baseUrl) {
		this.notifications = notifications;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** Notifies {@code user} that {@code incident} pages them at {@code level}. */
	public void page(IncidentStore.Row incident, String user, int level, int round) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("level", level);
		details.put("round", round + 1);
		send(incident, user, "cycle-" + incident.cycle() + "/level-" + level + "/round-" + round, details);
	}

	/** Notifies {@code user}, to whom {@code incident} was reassigned at {@code at}. */
	public void pageReassigned(IncidentStore.Row incident, String user, Instant at) {
		send(incident, user, "reassigned-" + at.toEpochMilli(), new LinkedHashMap<>());
	}

	/** Cancels the notifications of an incident that are not sent yet. */
	public void cancel(long incident) {
		this.notifications.cancelPending(incident);
	}

	private void send(IncidentStore.Row incident, String user, String step, Map<String, Object> details) {
		String page = this.baseUrl + "/incidents/" + incident.number();
		Map<String, String> links = new LinkedHashMap<>();
		links.put("incident", page);
		links.put("acknowledge", page + "?acknowledge");
		details.put("severity", incident.severity());
		details.put("alerts", incident.alertCount());
		this.notifications.notify(new Notification("incident-" + incident.number() + "/" + step + "/" + user,
				incident.number(), incident.service(), incident.title(), incident.title(), incident.urgency(),
				"triggered", user, links, details));
	}

}
