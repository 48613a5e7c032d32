package dev.steward.incidents.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.InvalidInput;
import dev.steward.common.Text;
import dev.steward.common.TooManyRequests;
import dev.steward.common.Validation;
import dev.steward.incidents.Event;
import dev.steward.incidents.EventAction;
import dev.steward.incidents.EventIntake;
import dev.steward.incidents.EventOutcome;
import dev.steward.incidents.Severity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A PagerDuty Events API v2–compatible door: the same body and the same answers, so that
 * Alertmanager's {@code pagerduty_configs}, Grafana and other tools can send here
 * unchanged. Fields it does not know are ignored.
 */
@RestController
class PagerDutyController {

	private static final Map<String, String> FIELD_NAMES = Map.of("routingKey", "routing_key", "action", "event_action",
			"dedupKey", "dedup_key", "summary", "payload.summary", "severity", "payload.severity");

	private final EventIntake intake;

	private final JsonMapper json;

	PagerDutyController(EventIntake intake, JsonMapper json) {
		this.intake = intake;
		this.json = json;
	}

	@Allow(Rule.INTEGRATION_KEY)
	@PostMapping(path = "/integrations/pagerduty/v2/enqueue", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> enqueue(@RequestBody(required = false) String body) {
		JsonNode event;
		try {
			event = body == null ? null : this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return invalid(List.of("Malformed JSON: " + Text.truncate(ex.getOriginalMessage(), 200)));
		}
		if (event == null || !event.isObject()) {
			return invalid(List.of("The body must be a JSON object"));
		}
		try {
			EventOutcome outcome = this.intake.accept(text(event, "routing_key"), event(event));
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("status", "success");
			answer.put("message", "Event processed");
			answer.put("dedup_key", outcome.dedupKey());
			return ResponseEntity.accepted().body(answer);
		}
		catch (InvalidInput ex) {
			return invalid(ex.errors()
				.stream()
				.map(error -> FIELD_NAMES.getOrDefault(error.field(), error.field()) + " " + error.message())
				.toList());
		}
		catch (TooManyRequests ex) {
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("status", "throttle event");
			answer.put("message", "Requests for this service are arriving too quickly. Please retry later.");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
				.body(answer);
		}
	}

	private Event event(JsonNode event) {
		Validation validation = new Validation();
		validation.required("routingKey", text(event, "routing_key"));
		EventAction action = validation.keyed("action", text(event, "event_action"), EventAction.class, true);
		JsonNode payload = event.path("payload");
		Severity severity = validation.keyed("severity", text(payload, "severity"), Severity.class,
				action == EventAction.TRIGGER);
		if (action == EventAction.TRIGGER) {
			validation.required("summary", text(payload, "summary"));
			validation.required("payload.source", text(payload, "source"));
		}
		validation.throwIfInvalid();
		Map<String, Object> details = new LinkedHashMap<>();
		for (String field : List.of("timestamp", "component", "group", "class")) {
			if (text(payload, field) != null) {
				details.put(field, text(payload, field));
			}
		}
		if (!payload.path("custom_details").isMissingNode() && !payload.path("custom_details").isNull()) {
			details.put("custom_details", this.json.treeToValue(payload.path("custom_details"), Object.class));
		}
		for (String field : List.of("client", "client_url")) {
			if (text(event, field) != null) {
				details.put(field, text(event, field));
			}
		}
		if (event.path("images").isArray()) {
			details.put("images", this.json.treeToValue(event.path("images"), Object.class));
		}
		List<Map<String, String>> links = new ArrayList<>();
		event.path("links")
			.forEach(link -> links.add(Map.of("href", String.valueOf(text(link, "href")), "text",
					String.valueOf(text(link, "text") == null ? text(link, "href") : text(link, "text")))));
		return new Event(action, text(event, "dedup_key"), text(payload, "summary"), severity, text(payload, "source"),
				details, links, "pagerduty");
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

	private static ResponseEntity<Map<String, Object>> invalid(List<String> errors) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", "invalid event");
		answer.put("message", "Event object is invalid");
		answer.put("errors", errors);
		return ResponseEntity.badRequest().body(answer);
	}

}
