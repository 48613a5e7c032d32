package dev.steward.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One recorded change: actor, action, target resource (and its service), time, and JSON
 * before/after.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String service,
		JsonNode before, JsonNode after) {
}
