package dev.steward.incidents.internal;

import java.time.Clock;
import java.time.Instant;
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
		this.store.addTimeline(incident, this.clock.instant(), type, actor, message, json(data));
	}

	/**
	 * Records what happened at {@code at}, with no actor, unless the same entry is
	 * already on the timeline: for events that may be delivered more than once.
	 */
	public void recordOnce(long incident, Instant at, String type, String message, Map<String, ?> data) {
		this.store.addTimelineOnce(incident, at, type, message, json(data));
	}

	private String json(Map<String, ?> data) {
		return data == null || data.isEmpty() ? null : this.json.writeValueAsString(data);
	}

}
