package dev.steward.incidents.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.InvalidInput;
import dev.steward.common.Keyed;
import dev.steward.common.Validation;
import dev.steward.incidents.Event;
import dev.steward.incidents.EventAction;
import dev.steward.incidents.EventIntake;
import dev.steward.incidents.EventOutcome;
import dev.steward.incidents.Severity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Prometheus Alertmanager webhook receiver (payload version 4): one incident per
 * alert fingerprint; a {@code firing} alert triggers or folds into it, a {@code resolved}
 * alert resolves it. Point a {@code webhook_configs} URL at
 * {@code /integrations/alertmanager/<integration key>}.
 */
@RestController
class AlertmanagerController {

	private static final Map<String, Severity> SEVERITY_ALIASES = Map.of("page", Severity.CRITICAL, "warn",
			Severity.WARNING, "information", Severity.INFO, "informational", Severity.INFO, "none", Severity.INFO);

	private final EventIntake intake;

	private final JsonMapper json;

	AlertmanagerController(EventIntake intake, JsonMapper json) {
		this.intake = intake;
		this.json = json;
	}

	@Allow(Rule.INTEGRATION_KEY)
	@PostMapping("/integrations/alertmanager/{routingKey}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> receive(@PathVariable String routingKey, @RequestBody JsonNode webhook) {
		Validation validation = new Validation();
		if (!"4".equals(webhook.path("version").asString(""))) {
			validation.error("version", "must be \"4\" (Alertmanager's webhook payload version)");
		}
		JsonNode alerts = webhook.path("alerts");
		if (!alerts.isArray()) {
			validation.error("alerts", "must be a list of alerts");
		}
		for (int i = 0; i < alerts.size(); i++) {
			JsonNode alert = alerts.get(i);
			validation.required("alerts[" + i + "].fingerprint", alert.path("fingerprint").asString(null));
			validation.oneOf("alerts[" + i + "].status", alert.path("status").asString(null),
					List.of("firing", "resolved"));
		}
		validation.throwIfInvalid();
		List<Map<String, Object>> outcomes = new ArrayList<>();
		for (int i = 0; i < alerts.size(); i++) {
			try {
				EventOutcome outcome = this.intake.accept(routingKey, event(webhook, alerts.get(i)));
				Map<String, Object> filed = new LinkedHashMap<>();
				filed.put("fingerprint", outcome.dedupKey());
				filed.put("incident", outcome.incident());
				outcomes.add(filed);
			}
			catch (InvalidInput ex) {
				throw prefixed(ex, "alerts[" + i + "].");
			}
		}
		return Map.of("status", "success", "alerts", outcomes);
	}

	private Event event(JsonNode webhook, JsonNode alert) {
		JsonNode labels = alert.path("labels");
		JsonNode annotations = alert.path("annotations");
		boolean firing = "firing".equals(alert.path("status").asString());
		String alertName = labels.path("alertname").asString(null);
		String summary = first(annotations.path("summary").asString(null),
				annotations.path("description").asString(null), alertName, "Alert");
		String title = alertName != null && !summary.equals(alertName) ? alertName + ": " + summary : summary;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("labels", this.json.treeToValue(labels, Object.class));
		details.put("annotations", this.json.treeToValue(annotations, Object.class));
		details.put("startsAt", alert.path("startsAt").asString(null));
		details.put("receiver", webhook.path("receiver").asString(null));
		details.put("groupKey", webhook.path("groupKey").asString(null));
		List<Map<String, String>> links = new ArrayList<>();
		String generator = alert.path("generatorURL").asString(null);
		if (generator != null && !generator.isBlank()) {
			links.add(Map.of("href", generator, "text", "Source"));
		}
		return new Event(firing ? EventAction.TRIGGER : EventAction.RESOLVE, alert.path("fingerprint").asString(),
				title, severity(labels.path("severity").asString(null)), first(labels.path("instance").asString(null),
						labels.path("job").asString(null), webhook.path("externalURL").asString(null), "alertmanager"),
				details, links, "alertmanager");
	}

	/** The label's severity; {@code error} when it has none Steward knows. */
	private static Severity severity(String label) {
		if (label == null) {
			return Severity.ERROR;
		}
		String lower = label.toLowerCase(java.util.Locale.ROOT);
		return Keyed.fromKey(Severity.class, lower).orElse(SEVERITY_ALIASES.getOrDefault(lower, Severity.ERROR));
	}

	private static String first(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
	}

	private static InvalidInput prefixed(InvalidInput ex, String prefix) {
		return InvalidInput.of(ex.errors()
			.stream()
			.map(error -> new InvalidInput.FieldError(
					error.field().equals("routingKey") ? "routingKey" : prefix + error.field(), error.message()))
			.toList());
	}

}
