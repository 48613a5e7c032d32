package dev.steward.audit;

import java.time.Instant;

/**
 * Filters of the audit log; {@code target} matches the changed resource or the service it
 * belongs to. Every filter is optional.
 */
public record AuditQuery(String target, String actor, Instant since) {
}
