package dev.steward.incidents.internal;

import java.time.Clock;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Writes what happens to an incident onto its timeline, at the clock's now. */
@Component
public class Timeline {

	private final IncidentStore store;

	private final JsonMapper json;

	private final Clock clock;

	Timeline(IncidentStore store, JsonMapper json, Clock clock) {
		this.store = store;
		this.json = json;
		this.clock = clock;
	}

	public void record(long incident, String type, String actor, String message, Map<String, ?> data) {
		this.store.addTimeline(incident, this.clock.instant(), type, actor, message,
				data == null || data.isEmpty() ? null : this.json.writeValueAsString(data));
	}

}
