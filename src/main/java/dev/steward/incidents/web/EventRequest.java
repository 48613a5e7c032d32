package dev.steward.incidents.web;

import java.util.List;
import java.util.Map;

/** Body of Steward's own events door. */
record EventRequest(String routingKey, String action, String dedupKey, String summary, String severity, String source,
		Map<String, Object> details, List<Map<String, String>> links) {
}
