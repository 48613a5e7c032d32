package dev.steward.incidents.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.steward.common.Allow;
import dev.steward.common.Allow.Rule;
import dev.steward.common.Validation;
import dev.steward.incidents.Event;
import dev.steward.incidents.EventAction;
import dev.steward.incidents.EventIntake;
import dev.steward.incidents.EventOutcome;
import dev.steward.incidents.Severity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Steward's own events door: {@code POST /api/v1/events}, authenticated by the routing
 * key.
 */
@RestController
class EventController {

	private final EventIntake intake;

	EventController(EventIntake intake) {
		this.intake = intake;
	}

	@Allow(Rule.INTEGRATION_KEY)
	@PostMapping("/api/v1/events")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> accept(@RequestBody EventRequest request) {
		Validation validation = new Validation();
		validation.required("routingKey", request.routingKey());
		EventAction action = validation.keyed("action", request.action(), EventAction.class, true);
		Severity severity = validation.keyed("severity", request.severity(), Severity.class,
				action == EventAction.TRIGGER);
		validation.throwIfInvalid();
		EventOutcome outcome = this.intake.accept(request.routingKey(), new Event(action, request.dedupKey(),
				request.summary(), severity, request.source(), request.details(), request.links(), "events"));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("status", "success");
		answer.put("dedupKey", outcome.dedupKey());
		answer.put("incident", outcome.incident());
		return answer;
	}

}
