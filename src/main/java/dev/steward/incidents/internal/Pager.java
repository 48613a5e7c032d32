package dev.steward.incidents.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.steward.notifications.Notification;
import dev.steward.notifications.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands escalation steps to the notifications module: one notification per paged user and
 * step, under a key that names the incident, level, round and user, so that a step
 * planned twice (a re-run, a second node) is delivered once.
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
		String page = this.baseUrl + "/incidents/" + incident.number();
		Map<String, String> links = new LinkedHashMap<>();
		links.put("incident", page);
		links.put("acknowledge", page + "?acknowledge");
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("severity", incident.severity());
		details.put("level", level);
		details.put("round", round + 1);
		details.put("alerts", incident.alertCount());
		this.notifications.notify(new Notification(stepKey(incident.number(), level, round, user), incident.number(),
				incident.service(), incident.title(), incident.title(), incident.urgency(), incident.status(), user,
				links, details));
	}

	/** Cancels the notifications of an incident that are not sent yet. */
	public void cancel(long incident) {
		this.notifications.cancelPending(incident);
	}

	static String stepKey(long incident, int level, int round, String user) {
		return "incident-" + incident + "/level-" + level + "/round-" + round + "/" + user;
	}

}
