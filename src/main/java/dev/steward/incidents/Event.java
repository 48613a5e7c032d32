package dev.steward.incidents;

import java.util.List;
import java.util.Map;

/**
 * An event as every door hands it on: what it asks, the dedup key (absent on a trigger: a
 * new incident), and what it says about the problem.
 *
 * @param door the door it came through: {@code events}, {@code pagerduty},
 * {@code alertmanager}
 */
public record Event(EventAction action, String dedupKey, String summary, Severity severity, String source,
		Map<String, Object> details, List<Map<String, String>> links, String door) {
}
