package dev.steward.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An incident of one service: what it is about, where it is in its life, whom it pages
 * (the escalation {@code policy}, its current {@code level} and {@code round}), and its
 * response SLA.
 */
public record IncidentEntry(long number, String service, String title, IncidentStatus status, Urgency urgency,
		Severity severity, String dedupKey, String source, int alertCount, String policy, int level, int round,
		List<String> assignees, Instant createdAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
		String resolvedBy, ResponseSla responseSla, Map<String, Object> details, @JsonIgnore long version) {

	/**
	 * When the incident must be acknowledged and resolved by, and whether it missed
	 * either.
	 */
	public record ResponseSla(Instant ackBy, Instant resolveBy, boolean ackBreached, boolean resolveBreached) {
	}

}
